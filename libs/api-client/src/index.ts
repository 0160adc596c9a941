import { client } from './generated/client.gen';
import { ApiError, toApiError } from './api-error';

// Every failed call, from an SDK function or a TanStack Query hook, rejects with a typed ApiError.
client.interceptors.error.use((error, response) => toApiError(error, response));

declare module '@tanstack/react-query' {
  // Queries and mutations built from this client fail with ApiError, so `error.code` is typed.
  interface Register {
    defaultError: ApiError;
  }
}

export * from './generated';
export * from './generated/@tanstack/react-query.gen';
export { client } from './generated/client.gen';
export { ApiError, isApiError, toApiError, type ApiFieldError } from './api-error';
export { CSRF_HEADER, getCsrfToken, setCsrfToken } from './csrf';
export { actorOf } from './session-actor';
