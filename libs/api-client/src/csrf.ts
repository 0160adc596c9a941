import { client } from './generated/client.gen';

/** Methods that change state: the API refuses them without the session's CSRF token. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken: string | null = null;

/**
 * The session's CSRF token (from GET /api/session), kept in memory only: every state-changing call of
 * the generated client then sends it in X-CSRF-Token. Null after sign-out.
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

client.interceptors.request.use((request) => {
  if (csrfToken && UNSAFE_METHODS.has(request.method.toUpperCase()) && !request.headers.has(CSRF_HEADER)) {
    request.headers.set(CSRF_HEADER, csrfToken);
  }
  return request;
});
