import type { EntityManager } from 'typeorm';
import type { RoleAssignment, RoleScope, RoutingCandidate } from '@eclore/domain';

/** A role_grant row's scope columns as the policy's RoleScope. */
export function grantScope(
  kind: 'organisation' | 'org_unit' | 'theme',
  orgUnitId: string | null,
  theme: string | null,
): RoleScope {
  if (kind === 'org_unit') return { kind: 'org_unit', orgUnitId: orgUnitId! };
  if (kind === 'theme') return { kind: 'theme', theme: theme! };
  return { kind: 'organisation' };
}

/** A routing candidate with the name shown to the network (reviewers are never anonymous). */
export interface NetworkMember extends RoutingCandidate {
  givenName: string;
  familyName: string;
  /** The running absence, if any (the delegate's name for the screens). */
  absentUntil: Date | null;
}

interface MemberRow {
  id: string;
  given_name: string;
  family_name: string;
  scope_kind: 'organisation' | 'org_unit' | 'theme';
  scope_org_unit_id: string | null;
  scope_theme: string | null;
  open_count: string;
  delegate_id: string | null;
  absent_until: Date | null;
}

/**
 * Active people holding the network_member role (any scope), with their open workload and running
 * absence, ordered by id. One round trip; grouped per person here.
 */
export async function networkMembers(
  manager: EntityManager,
  now: Date,
  personIds?: readonly string[],
): Promise<NetworkMember[]> {
  const rows: MemberRow[] = await manager.query(
    `SELECT p.id, p.given_name, p.family_name, g.scope_kind, g.scope_org_unit_id, g.scope_theme,
            (SELECT count(*) FROM qualification_assignment a WHERE a.person_id = p.id AND a.ended_at IS NULL) AS open_count,
            ab.delegate_id, ab.ends_at AS absent_until
       FROM person p
       JOIN role_grant g ON g.person_id = p.id AND g.role = 'network_member' AND g.revoked_at IS NULL
       LEFT JOIN LATERAL (SELECT n.delegate_id, n.ends_at FROM network_absence n
                           WHERE n.person_id = p.id AND n.starts_at <= $1 AND n.ends_at > $1
                           ORDER BY n.starts_at DESC LIMIT 1) ab ON true
      WHERE p.active AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
      ORDER BY p.id`,
    [now, personIds ? [...personIds] : null],
  );
  const byId = new Map<string, NetworkMember>();
  for (const r of rows) {
    const scope = grantScope(r.scope_kind, r.scope_org_unit_id, r.scope_theme);
    const member = byId.get(r.id) ?? {
      personId: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      assignments: [],
      openAssignments: Number(r.open_count),
      absence: r.absent_until ? { delegateId: r.delegate_id } : null,
      absentUntil: r.absent_until ? new Date(r.absent_until) : null,
    };
    (member.assignments as RoleAssignment[]).push({ role: 'network_member', scope });
    byId.set(r.id, member);
  }
  return [...byId.values()];
}
