import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actorOf,
  getSessionOptions,
  getSessionQueryKey,
  logoutMutation,
  setCsrfToken,
  type SessionDto,
} from '@eclore/api-client';
import type { Actor } from '@eclore/domain';

export type Session =
  | { status: 'loading'; actor: null; data: null }
  | { status: 'signedOut'; actor: null; data: null }
  | { status: 'signedIn'; actor: Actor; data: SessionDto };

/**
 * The session from GET /api/session's answer: a 204 (a visitor; the client hands it over as an empty
 * value) or anything without a person is "signed out".
 */
export function sessionOf(data: SessionDto | void | null | undefined): SessionDto | null {
  return data && typeof data === 'object' && 'person' in data && data.person ? data : null;
}

/** Options of the one session query: signed out is an answer (204), not something to retry. */
export function sessionQueryOptions() {
  return {
    ...getSessionOptions(),
    retry: false,
    staleTime: 60_000,
  } as const;
}

/**
 * The current person, from GET /api/session (HttpOnly cookie). Also hands the CSRF token to the API
 * client, which sends it on every state-changing request.
 */
export function useSession(): Session {
  const query = useQuery(sessionQueryOptions());
  if (query.isPending) return { status: 'loading', actor: null, data: null };
  const data = sessionOf(query.data);
  if (data) {
    setCsrfToken(data.csrfToken);
    return { status: 'signedIn', actor: actorOf(data), data };
  }
  setCsrfToken(null);
  return { status: 'signedOut', actor: null, data: null };
}

/** Signs out on the server, then forgets everything cached for this person. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    ...logoutMutation(),
    onSettled: () => {
      setCsrfToken(null);
      // Nothing of the previous person stays in memory (admin lists, profile…).
      queryClient.removeQueries();
      queryClient.setQueryData(getSessionQueryKey(), null);
    },
  });
}

export { returnPathOf, safeReturnTo } from './return-path';
