import type { Actor } from '@eclore/domain';

/**
 * The board's read queries (plain SQL built from fixed fragments; user input only travels as bound
 * parameters). "Since" is when the idea entered its current status: the latest event that moved it
 * there (ix_idea_event_idea makes that one index probe per idea), or its submission for ideas that
 * have no such event.
 */

export interface PortfolioFilterValues {
  campaignId?: string;
  orgUnitId?: string;
  theme?: string;
  kind?: string;
  /** Open qualification assignment of this person (contract C1's table). */
  assigneeId?: string;
  /** Only these ids (`include`) or all but these (the late filter: ids the domain found late). */
  ids?: { ids: readonly string[]; include: boolean };
}

/** Where a network or committee member may look: organisation-wide, unit subtrees, themes. */
export interface StaffScope {
  everywhere: boolean;
  units: string[];
  themes: string[];
}

export function staffScope(actor: Actor): StaffScope {
  const scopes = actor.assignments
    .filter((a) => a.role === 'network_member' || a.role === 'committee_member')
    .map((a) => a.scope);
  return {
    everywhere: scopes.some((s) => s.kind === 'organisation'),
    units: scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : [])),
    themes: scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : [])),
  };
}

export interface CardRow {
  id: string;
  title: string;
  kind: 'problem' | 'solution';
  status: string;
  support_count: number;
  themes: string[];
  org_unit_id: string | null;
  org_unit_name: string | null;
  since: Date;
  since_key: string;
}

export interface BoardRow extends CardRow {
  column_count: string;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The conditions for the ideas on the board for this viewer: submitted (drafts are private), within
 * the viewer's scope (the SQL twin of the idea policy's "network or committee member whose scope
 * covers the idea"), and matching the filters. `i` is the idea, `ou` its org unit.
 */
function boardWhere(scope: StaffScope, f: PortfolioFilterValues, p: Params, status?: string): string {
  const where = [
    'i.submitted_at IS NOT NULL',
    `i.status <> 'emerge'`,
    `(${p.add(scope.everywhere)}::boolean OR ou.path && ${p.add(scope.units)}::uuid[] OR i.themes && ${p.add(scope.themes)}::text[])`,
  ];
  if (status) where.push(`i.status = ${p.add(status)}`);
  if (f.kind) where.push(`i.kind = ${p.add(f.kind)}`);
  if (f.campaignId) where.push(`i.campaign_id = ${p.add(f.campaignId)}::uuid`);
  // The unit and its whole subtree (org_unit.path lists a unit's ancestors and itself).
  if (f.orgUnitId) where.push(`${p.add(f.orgUnitId)}::uuid = ANY (ou.path)`);
  if (f.theme) where.push(`i.themes @> ARRAY[${p.add(f.theme)}::text]`);
  if (f.assigneeId)
    where.push(
      `EXISTS (SELECT 1 FROM qualification_assignment qa
                WHERE qa.idea_id = i.id AND qa.person_id = ${p.add(f.assigneeId)}::uuid AND qa.ended_at IS NULL)`,
    );
  if (f.ids) where.push(`${f.ids.include ? '' : 'NOT '}(i.id = ANY (${p.add(f.ids.ids)}::uuid[]))`);
  return where.join('\n         AND ');
}

/** The ideas on the board with the "since" key. */
/**
 * A card's support count, from the counters' own table (migration IdeaCounters), looked up for the
 * rows shown only (a scalar subquery in the final select, after the board's LIMIT).
 */
const SUPPORTS_OF = (alias: string) =>
  `COALESCE((SELECT ic.support_count FROM idea_counter ic WHERE ic.idea_id = ${alias}.id), 0) AS support_count`;

function boardCte(scope: StaffScope, f: PortfolioFilterValues, p: Params, status?: string): string {
  return `
    board AS (
      SELECT i.id, i.title, i.kind, i.status, i.themes, i.org_unit_id, ou.name AS org_unit_name,
             COALESCE(s.at, i.submitted_at) AS since
        FROM idea i
        LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
        LEFT JOIN LATERAL (SELECT e.occurred_at AS at FROM idea_event e
                            WHERE e.idea_id = i.id AND e.to_status = i.status
                            ORDER BY e.id DESC LIMIT 1) s ON true
       WHERE ${boardWhere(scope, f, p, status)}
    )`;
}

/** Just the ids of the board's ideas (for filters decided outside SQL, e.g. late). */
export function boardIdsQuery(scope: StaffScope, f: PortfolioFilterValues): { text: string; values: unknown[] } {
  const p = new Params();
  return {
    text: `SELECT i.id FROM idea i LEFT JOIN org_unit ou ON ou.id = i.org_unit_id WHERE ${boardWhere(scope, f, p)}`,
    values: p.values,
  };
}

/** Every column's first `limit + 1` cards (longest in the status first) with the column's count. */
export function boardQuery(
  scope: StaffScope,
  f: PortfolioFilterValues,
  limit: number,
): { text: string; values: unknown[] } {
  const p = new Params();
  const cte = boardCte(scope, f, p);
  return {
    text: `WITH ${cte},
      ranked AS (
        SELECT b.*, row_number() OVER (PARTITION BY b.status ORDER BY b.since, b.id) AS rn,
               count(*) OVER (PARTITION BY b.status) AS column_count
          FROM board b
      )
      SELECT r.id, r.title, r.kind, r.status, ${SUPPORTS_OF('r')}, r.themes, r.org_unit_id, r.org_unit_name,
             r.since, r.since::text AS since_key, r.column_count
        FROM ranked r
       WHERE r.rn <= ${p.add(limit + 1)}
       ORDER BY r.status, r.since, r.id`,
    values: p.values,
  };
}

/** One column's page after the keyset (since, id). */
export function columnQuery(
  scope: StaffScope,
  f: PortfolioFilterValues,
  status: string,
  limit: number,
  after: { key: string; id: string } | null,
): { text: string; values: unknown[] } {
  const p = new Params();
  const cte = boardCte(scope, f, p, status);
  const keyset = after ? `WHERE (b.since, b.id) > (${p.add(after.key)}::timestamptz, ${p.add(after.id)}::uuid)` : '';
  return {
    text: `WITH ${cte}
      SELECT b.id, b.title, b.kind, b.status, ${SUPPORTS_OF('b')}, b.themes, b.org_unit_id, b.org_unit_name,
             b.since, b.since::text AS since_key
        FROM board b
        ${keyset}
       ORDER BY b.since, b.id
       LIMIT ${p.add(limit + 1)}`,
    values: p.values,
  };
}
