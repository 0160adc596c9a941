import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { RoleAssignment, RoutingCandidate } from '@eclore/domain';
import { grantScope } from '@eclore/server-identity';
import { QualificationAssignment } from '../entities';
import { isOpenAssignee, openAssigneeIds } from '../shared/assignees';

/** A routing candidate with the name shown to the network (reviewers are never anonymous). */
export interface NetworkMember extends RoutingCandidate {
  givenName: string;
  familyName: string;
  /** The running absence, if any (the delegate's name for the screens). */
  absentUntil: Date | null;
}

/** One row of NETWORK_MEMBERS_SQL: a member's grant, workload and running absence. */
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

/** An id row of the network queue's set-based reads. */
interface IdRow {
  id: string;
}

/** Where a network member may look: organisation-wide, unit subtrees, themes. */
export interface NetworkScope {
  everywhere: boolean;
  units: string[];
  themes: string[];
}

/** How many open assignments (and unrouted ideas) the network-wide view lists at once. */
export const NETWORK_LIMIT = 500;

const NETWORK_MEMBERS_SQL = `SELECT p.id, p.given_name, p.family_name, g.scope_kind, g.scope_org_unit_id, g.scope_theme,
        (SELECT count(*) FROM qualification_assignment a WHERE a.person_id = p.id AND a.ended_at IS NULL) AS open_count,
        ab.delegate_id, ab.ends_at AS absent_until
   FROM person p
   JOIN role_grant g ON g.person_id = p.id AND g.role = 'network_member' AND g.revoked_at IS NULL
   LEFT JOIN LATERAL (SELECT n.delegate_id, n.ends_at FROM network_absence n
                       WHERE n.person_id = p.id AND n.starts_at <= $1 AND n.ends_at > $1
                       ORDER BY n.starts_at DESC LIMIT 1) ab ON true
  WHERE p.active AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
  ORDER BY p.id`;

const IN_SCOPE = `i.status = 'qualify' AND ($1::boolean OR ou.path && $2::uuid[] OR i.themes && $3::text[])`;

const SCOPED_OPEN_ASSIGNMENTS_SQL = `SELECT a.id FROM qualification_assignment a
   JOIN idea i ON i.id = a.idea_id LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
  WHERE a.ended_at IS NULL AND ${IN_SCOPE} AND ($4::uuid IS NULL OR a.person_id = $4)
  ORDER BY a.assigned_at ASC, a.id ASC LIMIT ${NETWORK_LIMIT}`;

const SCOPED_UNROUTED_IDEAS_SQL = `SELECT i.id FROM idea i LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
  WHERE ${IN_SCOPE}
    AND NOT EXISTS (SELECT 1 FROM qualification_assignment a WHERE a.idea_id = i.id AND a.ended_at IS NULL)
  ORDER BY i.updated_at ASC, i.id ASC LIMIT ${NETWORK_LIMIT}`;

/**
 * Active people holding the network_member role (any scope), with their open workload and running
 * absence, ordered by id. One round trip; grouped per person here.
 */
export async function networkMembers(
  manager: EntityManager,
  now: Date,
  personIds?: readonly string[],
): Promise<NetworkMember[]> {
  const rows: MemberRow[] = await manager.query(NETWORK_MEMBERS_SQL, [now, personIds ? [...personIds] : null]);
  const byId = new Map<string, NetworkMember>();
  for (const r of rows) {
    const member = byId.get(r.id) ?? {
      personId: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      assignments: [],
      openAssignments: Number(r.open_count),
      absence: r.absent_until ? { delegateId: r.delegate_id } : null,
      absentUntil: r.absent_until ? new Date(r.absent_until) : null,
    };
    (member.assignments as RoleAssignment[]).push({
      role: 'network_member',
      scope: grantScope(r.scope_kind, r.scope_org_unit_id, r.scope_theme),
    });
    byId.set(r.id, member);
  }
  return [...byId.values()];
}

/** Ends every open assignment on the idea (e.g. it left qualification). */
export async function endOpenAssignments(manager: EntityManager, ideaId: string, reason: string): Promise<void> {
  await manager.update(
    QualificationAssignment,
    { ideaId, endedAt: IsNull() },
    { endedAt: new Date(), endReason: reason },
  );
}

/** The qualification_assignment table: who reviews which idea, open and past. */
@Injectable()
export class RoutingRepository {
  constructor(private readonly ds: DataSource) {}

  networkMembers(now: Date, personIds?: readonly string[], manager = this.ds.manager): Promise<NetworkMember[]> {
    return networkMembers(manager, now, personIds);
  }

  openAssigneeIds(ideaId: string, manager = this.ds.manager): Promise<string[]> {
    return openAssigneeIds(manager, ideaId);
  }

  isOpenAssignee(ideaId: string, personId: string, manager = this.ds.manager): Promise<boolean> {
    return isOpenAssignee(manager, ideaId, personId);
  }

  /** New open assignments, made now. */
  async insert(
    rows: readonly { ideaId: string; personId: string; assignedBy: string | null }[],
    manager = this.ds.manager,
  ): Promise<void> {
    if (rows.length === 0) return;
    const assignedAt = new Date();
    await manager.insert(
      QualificationAssignment,
      rows.map((r) => ({ ...r, assignedAt })),
    );
  }

  /** Ends the person's open assignment on the idea. */
  async end(ideaId: string, personId: string, reason: string, manager = this.ds.manager): Promise<void> {
    await manager.update(
      QualificationAssignment,
      { ideaId, personId, endedAt: IsNull() },
      { endedAt: new Date(), endReason: reason },
    );
  }

  /** The idea's assignments, open and past, oldest first. */
  ofIdea(ideaId: string, manager = this.ds.manager): Promise<QualificationAssignment[]> {
    return manager.find(QualificationAssignment, { where: { ideaId }, order: { assignedAt: 'ASC', id: 'ASC' } });
  }

  /** A member's open assignments (all, or those among `ids`), oldest first. */
  openOf(
    personId: string,
    ids: readonly string[] | undefined,
    manager = this.ds.manager,
  ): Promise<QualificationAssignment[]> {
    return manager.find(QualificationAssignment, {
      where: this.openWhere(personId, ids),
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The ideas a member's open assignments (all, or those among `ids`) are on. */
  async openIdeaIdsOf(
    personId: string,
    ids: readonly string[] | undefined,
    manager = this.ds.manager,
  ): Promise<string[]> {
    const rows = await manager.find(QualificationAssignment, {
      select: { ideaId: true },
      where: this.openWhere(personId, ids),
    });
    return [...new Set(rows.map((r) => r.ideaId))];
  }

  /** A member's ended assignments, latest first, at most `limit`. */
  endedOf(personId: string, limit: number, manager = this.ds.manager): Promise<QualificationAssignment[]> {
    return manager.find(QualificationAssignment, {
      where: { personId, endedAt: Not(IsNull()) },
      order: { endedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** Open assignments on ideas in qualification within the scope (of one member when given), oldest first. */
  async openInScope(
    scope: NetworkScope,
    personId: string | null,
    manager = this.ds.manager,
  ): Promise<QualificationAssignment[]> {
    const rows: IdRow[] = await manager.query(SCOPED_OPEN_ASSIGNMENTS_SQL, [
      scope.everywhere,
      scope.units,
      scope.themes,
      personId,
    ]);
    if (rows.length === 0) return [];
    return manager.find(QualificationAssignment, {
      where: { id: In(rows.map((r) => r.id)) },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Ideas in qualification within the scope that nobody reviews, least recently updated first. */
  async unroutedIdeaIds(scope: NetworkScope, manager = this.ds.manager): Promise<string[]> {
    const rows: IdRow[] = await manager.query(SCOPED_UNROUTED_IDEAS_SQL, [scope.everywhere, scope.units, scope.themes]);
    return rows.map((r) => r.id);
  }

  private openWhere(personId: string, ids: readonly string[] | undefined): FindOptionsWhere<QualificationAssignment> {
    return { personId, endedAt: IsNull(), ...(ids ? { id: In([...ids]) } : {}) };
  }
}
