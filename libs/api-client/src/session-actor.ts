import type { Actor } from '@eclore/domain';
import type { SessionDto } from './generated';

/**
 * The domain policy's Actor for a session: the web app (and its browser tests) decide what to show
 * with the API's own rules. Here, beside the session type, so both may import it.
 */
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
