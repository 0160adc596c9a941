import { Injectable } from '@nestjs/common';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import {
  DEFAULT_ANSWER_TIME_SETTINGS,
  type AnswerTimeSettings,
  type DeadlineAction,
  type DeadlineKind,
  type IdeaStatus,
} from '@eclore/domain';
import { AnswerTimeSettingsRow, DeadlineJob } from '../entities';

/** Statuses in which a deadline may apply (deadlinesFor decides); only these ideas are read. */
const OPEN_STATUSES: readonly IdeaStatus[] = ['collect', 'visible', 'qualify'];

/** The facts the deadlines need about one idea. */
export interface FactRow {
  id: string;
  title: string;
  status: IdeaStatus;
  org_unit_path: string[] | null;
  themes: string[];
  last_submitted_at: Date | null;
  qualification_started_at: Date | null;
}

/** Filters in SQL; the deadlines themselves are computed by the domain. */
export interface FactFilter {
  ideaIds?: readonly string[];
  /** Only ideas these scopes cover (organisation-wide, unit subtrees, themes). */
  scope?: { everywhere: boolean; units: string[]; themes: string[] };
}

/** A scheduled job's row as the scheduler writes it. */
export interface NewDeadlineJob {
  jobId: string;
  ideaId: string;
  action: DeadlineAction;
  deadline: DeadlineKind;
  dueAt: Date;
  fireAt: Date;
}

const FACTS_SQL = `SELECT i.id, i.title, i.status, ou.path AS org_unit_path, i.themes,
        COALESCE(s.at, i.submitted_at) AS last_submitted_at, q.at AS qualification_started_at
   FROM idea i
   LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
   LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM idea_event e
                       WHERE e.idea_id = i.id AND e.type = 'submit') s ON true
   LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM idea_event e
                       WHERE e.idea_id = i.id AND e.type = 'start_qualification') q ON true
  WHERE `;

/** Every idea that may have a deadline now, and every idea with jobs from before. */
const IDEAS_TO_SYNC_SQL = `SELECT id FROM idea WHERE status IN ('collect', 'visible', 'qualify')
  UNION SELECT DISTINCT idea_id FROM deadline_job`;

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

/**
 * The facts the deadlines need, per idea: status, latest submission and latest entry into
 * qualification (ix_idea_event_idea makes each a probe), and where the idea sits (for scopes).
 */
export function factRows(manager: EntityManager, filter: FactFilter): Promise<FactRow[]> {
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
  return manager.query(FACTS_SQL + where, params);
}

/** The answer-time settings row and the deadline_job table (which delayed jobs exist per idea). */
@Injectable()
export class DeadlinesRepository {
  constructor(private readonly ds: DataSource) {}

  settingsRow(manager = this.ds.manager): Promise<AnswerTimeSettingsRow | null> {
    return manager.findOne(AnswerTimeSettingsRow, { where: { id: 1 } });
  }

  async saveSettings(settings: AnswerTimeSettings, updatedBy: string, manager = this.ds.manager): Promise<void> {
    await manager.upsert(AnswerTimeSettingsRow, { id: 1, ...settings, updatedBy }, ['id']);
  }

  /** One sync per idea at a time (transaction-scoped advisory lock). */
  async lockIdeaSync(ideaId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eclore.deadlines:' || $1))`, [ideaId]);
  }

  async ideasToSync(manager = this.ds.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(IDEAS_TO_SYNC_SQL);
    return rows.map((r) => r.id);
  }

  jobsOf(ideaId: string, manager = this.ds.manager): Promise<DeadlineJob[]> {
    return manager.find(DeadlineJob, { where: { ideaId } });
  }

  /** Forgets the idea's jobs but those kept. */
  async deleteJobsExcept(ideaId: string, keptJobIds: readonly string[], manager = this.ds.manager): Promise<void> {
    await manager.delete(DeadlineJob, { ideaId, ...(keptJobIds.length ? { jobId: Not(In([...keptJobIds])) } : {}) });
  }

  async insertJob(job: NewDeadlineJob, manager = this.ds.manager): Promise<void> {
    await manager.insert(DeadlineJob, job);
  }

  async moveJob(jobId: string, fireAt: Date, manager = this.ds.manager): Promise<void> {
    await manager.update(DeadlineJob, { jobId }, { fireAt });
  }
}
