import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
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

/** The domain policy's Actor for this session: the web decides what to show with the API's own rules. */
export function actorOf(session: SessionDto): Actor {
  return {
    personId: session.person.id,
    orgUnitId: session.person.orgUnit?.id ?? null,
    assignments: session.roles.map(({ role, scope }) => ({
      role,
      scope:
        scope.kind === 'org_unit' && scope.orgUnitId
          ? { kind: 'org_unit', orgUnitId: scope.orgUnitId }
          : scope.kind === 'theme' && scope.theme
            ? { kind: 'theme', theme: scope.theme }
            : { kind: 'organisation' },
    })),
  };
}

/** Options of the one session query: a 401 is an answer (signed out), not something to retry. */
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
  if (query.data) {
    setCsrfToken(query.data.csrfToken);
    return { status: 'signedIn', actor: actorOf(query.data), data: query.data };
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

/**
 * Where to go after signing in: only a path of this site (never `//host` or `https://…`, which would
 * make the sign-in page an open redirect).
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}
