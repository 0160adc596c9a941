import type { EntityManager } from 'typeorm';
import {
  DEFAULT_ANSWER_TIME_SETTINGS,
  deadlinesFor,
  isLate,
  type Actor,
  type AnswerTimeSettings,
  type Deadline,
  type IdeaStatus,
  type Role,
  type ScopeTarget,
} from '@eclore/domain';
import { AnswerTimeSettingsRow } from '../entities';

/** The organisation's settings (the migration writes the row; the built-in defaults if it was removed). */
export async function readAnswerTimeSettings(manager: EntityManager): Promise<AnswerTimeSettings> {
  const row = await manager.findOne(AnswerTimeSettingsRow, { where: { id: 1 } });
  if (!row) return { ...DEFAULT_ANSWER_TIME_SETTINGS };
  return {
    firstAnswerDays: row.firstAnswerDays,
    qualificationDays: row.qualificationDays,
    remindBeforeDays: row.remindBeforeDays,
  };
}

/** Statuses in which a deadline may apply (deadlinesFor decides); only these ideas are read. */
const OPEN_STATUSES: readonly IdeaStatus[] = ['collect', 'visible', 'qualify'];

interface FactRow {
  id: string;
  title: string;
  status: IdeaStatus;
  org_unit_path: string[] | null;
  themes: string[];
  last_submitted_at: Date | null;
  qualification_started_at: Date | null;
}

/** Filters in SQL; the deadlines themselves are computed by the domain. */
interface FactFilter {
  ideaIds?: readonly string[];
  /** Only ideas these scopes cover (organisation-wide, unit subtrees, themes). */
  scope?: { everywhere: boolean; units: string[]; themes: string[] };
}

/**
 * The facts the deadlines need, per idea: status, latest submission and latest entry into
 * qualification (ix_idea_event_idea makes each a probe), and where the idea sits (for scopes).
 */
async function factRows(manager: EntityManager, filter: FactFilter): Promise<FactRow[]> {
  const params: unknown[] = [OPEN_STATUSES];
  let where = 'i.status = ANY($1::text[])';
  if (filter.ideaIds) {
    params.push(filter.ideaIds);
    where += ` AND i.id = ANY($${params.length}::uuid[])`;
  }
  if (filter.scope) {
    params.push(filter.scope.everywhere, filter.scope.units, filter.scope.themes);
    const n = params.length;
    where += ` AND ($${n - 2}::boolean OR ou.path && $${n - 1}::uuid[] OR i.themes && $${n}::text[])`;
  }
  const rows: FactRow[] = await manager.query(
    `SELECT i.id, i.title, i.status, ou.path AS org_unit_path, i.themes,
            COALESCE(s.at, i.submitted_at) AS last_submitted_at, q.at AS qualification_started_at
       FROM idea i
       LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
       LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM idea_event e
                           WHERE e.idea_id = i.id AND e.type = 'submit') s ON true
       LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM idea_event e
                           WHERE e.idea_id = i.id AND e.type = 'start_qualification') q ON true
      WHERE ${where}`,
    params,
  );
  return rows;
}

function deadlinesOfRow(row: FactRow, settings: AnswerTimeSettings): Deadline[] {
  return deadlinesFor(
    {
      status: row.status,
      lastSubmittedAt: row.last_submitted_at ? new Date(row.last_submitted_at) : null,
      qualificationStartedAt: row.qualification_started_at ? new Date(row.qualification_started_at) : null,
    },
    settings,
  );
}

/** The deadlines that apply now to each of these ideas (ideas without any are absent from the map). */
export async function loadDeadlines(
  manager: EntityManager,
  ideaIds: readonly string[],
  settings?: AnswerTimeSettings,
): Promise<Map<string, Deadline[]>> {
  if (ideaIds.length === 0) return new Map();
  const s = settings ?? (await readAnswerTimeSettings(manager));
  const rows = await factRows(manager, { ideaIds });
  return new Map(rows.map((r) => [r.id, deadlinesOfRow(r, s)] as const).filter(([, d]) => d.length > 0));
}

export interface IdeaDeadlines {
  firstAnswerDueAt: Date | null;
  qualificationDueAt: Date | null;
  late: boolean;
}

/**
 * Contract C3: each idea's due dates (null when that deadline does not apply now) and whether one
 * has passed. Every requested id is in the map.
 */
export async function deadlinesOf(
  manager: EntityManager,
  ideaIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, IdeaDeadlines>> {
  const found = await loadDeadlines(manager, ideaIds);
  return new Map(
    ideaIds.map((id) => {
      const d = found.get(id) ?? [];
      return [
        id,
        {
          firstAnswerDueAt: d.find((x) => x.kind === 'first_answer')?.dueAt ?? null,
          qualificationDueAt: d.find((x) => x.kind === 'qualification')?.dueAt ?? null,
          late: isLate(d, now),
        },
      ];
    }),
  );
}

export interface LateIdea {
  id: string;
  title: string;
  status: IdeaStatus;
  /** The deadlines already passed, earliest due first. */
  overdue: Deadline[];
}

/** Ideas past a deadline within the actor's network scope (member or lead), most overdue first. */
export async function lateIdeas(manager: EntityManager, actor: Actor, now: Date, limit: number): Promise<LateIdea[]> {
  const scopes = actor.assignments
    .filter((a) => a.role === 'network_member' || a.role === 'network_lead')
    .map((a) => a.scope);
  if (scopes.length === 0) return [];
  const scope = {
    everywhere: scopes.some((s) => s.kind === 'organisation'),
    units: scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : [])),
    themes: scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : [])),
  };
  const settings = await readAnswerTimeSettings(manager);
  const rows = await factRows(manager, { scope });
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      overdue: deadlinesOfRow(r, settings)
        .filter((d) => d.dueAt.getTime() <= now.getTime())
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
    }))
    .filter((l) => l.overdue.length > 0)
    .sort((a, b) => a.overdue[0]!.dueAt.getTime() - b.overdue[0]!.dueAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** Where an idea sits, for scoped roles (null when the idea does not exist). */
export async function ideaScopeTarget(manager: EntityManager, ideaId: string): Promise<ScopeTarget | null> {
  const rows: { path: string[] | null; themes: string[] }[] = await manager.query(
    `SELECT ou.path, i.themes FROM idea i LEFT JOIN org_unit ou ON ou.id = i.org_unit_id WHERE i.id = $1`,
    [ideaId],
  );
  const row = rows[0];
  return row ? { orgUnitPath: row.path ?? [], themes: row.themes } : null;
}

/** Active people holding the role with a scope covering the target (as scopeCovers decides), by id. */
export async function peopleWithRoleCovering(
  manager: EntityManager,
  role: Extract<Role, 'network_member' | 'network_lead'>,
  target: ScopeTarget,
): Promise<string[]> {
  const rows: { person_id: string }[] = await manager.query(
    `SELECT DISTINCT g.person_id FROM role_grant g JOIN person p ON p.id = g.person_id
      WHERE g.role = $1 AND g.revoked_at IS NULL AND p.active
        AND (g.scope_kind = 'organisation'
             OR (g.scope_kind = 'org_unit' AND g.scope_org_unit_id = ANY($2::uuid[]))
             OR (g.scope_kind = 'theme' AND g.scope_theme = ANY($3::text[])))
      ORDER BY g.person_id`,
    [role, target.orgUnitPath, target.themes ?? []],
  );
  return rows.map((r) => r.person_id);
}
