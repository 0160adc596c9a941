import type { CreateClientConfig } from './generated/client.gen';

/**
 * Initial configuration of the generated client. The OpenAPI paths already start with `/api`, so an
 * empty base URL means "same origin": the web app is served by the API in production and proxied by
 * Vite in development. Sessions are HttpOnly cookies, hence `credentials: 'include'`; no token is
 * ever read from or written to storage.
 */
export const createClientConfig: CreateClientConfig = (config) => ({
  ...config,
  baseUrl: '',
  credentials: 'include',
});
