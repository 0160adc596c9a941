import type { EntityManager } from 'typeorm';
import {
  deadlinesFor,
  isLate,
  type Actor,
  type AnswerTimeSettings,
  type Deadline,
  type IdeaStatus,
} from '@eclore/domain';
import { factRows, readAnswerTimeSettings, type FactRow } from './deadlines.repository';

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
