import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_FIELD_REVIEW_SETTINGS,
  type FieldReviewAnswer,
  type FieldReviewJob,
  type FieldReviewSettings,
  type ScheduledReview,
} from '@eclore/domain';
import { FieldReview, FieldReviewSettingsRow, ImplementationProject } from '../entities';

/** A review with what every check needs: its project's idea and owner, the idea's status. */
export interface FieldReviewRow {
  id: string;
  projectId: string;
  ideaId: string;
  ideaTitle: string;
  ideaStatus: string;
  ownerId: string;
  ordinal: number;
  monthsAfterGoLive: number;
  dueAt: Date;
  remindAt: Date;
  lateAt: Date;
  askedAt: Date | null;
  remindedAt: Date | null;
  reportedLateAt: Date | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  whatHappened: string | null;
  unexpected: string | null;
  whoUsesIt: string | null;
}

/** A late review for the network's list, with where its idea sits (for the scope check). */
export interface LateFieldReviewRow extends FieldReviewRow {
  orgUnitPath: string[];
  themes: string[];
}

const SELECT_REVIEW = `
  SELECT r.id, r.project_id AS "projectId", p.idea_id AS "ideaId", i.title AS "ideaTitle", i.status AS "ideaStatus",
         p.owner_id AS "ownerId", r.ordinal, r.months_after_go_live AS "monthsAfterGoLive",
         r.due_at AS "dueAt", r.remind_at AS "remindAt", r.late_at AS "lateAt", r.asked_at AS "askedAt",
         r.reminded_at AS "remindedAt", r.reported_late_at AS "reportedLateAt", r.answered_at AS "answeredAt",
         r.answered_by AS "answeredBy", r.what_happened AS "whatHappened", r.unexpected, r.who_uses_it AS "whoUsesIt"
    FROM field_review r
    JOIN implementation_project p ON p.id = r.project_id
    JOIN idea i ON i.id = p.idea_id`;

/** The marker column each job step sets, so a step is done at most once. */
const STEP_COLUMN: Readonly<Record<FieldReviewJob, string>> = {
  ask: 'asked_at',
  remind: 'reminded_at',
  report_late: 'reported_late_at',
};

/** All SQL of the return to the field (docs/realisation.md §5). */
@Injectable()
export class FieldReviewsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async settings(m: EntityManager = this.ds.manager): Promise<FieldReviewSettings & { updatedAt: Date | null }> {
    const row = await m.findOneBy(FieldReviewSettingsRow, { id: 1 });
    if (!row) return { ...DEFAULT_FIELD_REVIEW_SETTINGS, updatedAt: null };
    return {
      monthsAfterGoLive: row.monthsAfterGoLive,
      remindAfterDays: row.remindAfterDays,
      lateAfterDays: row.lateAfterDays,
      updatedAt: row.updatedAt,
    };
  }

  async saveSettings(s: FieldReviewSettings, by: string, m: EntityManager): Promise<void> {
    await m.upsert(
      FieldReviewSettingsRow,
      {
        id: 1,
        monthsAfterGoLive: [...s.monthsAfterGoLive],
        remindAfterDays: s.remindAfterDays,
        lateAfterDays: s.lateAfterDays,
        updatedBy: by,
        updatedAt: new Date(),
      },
      ['id'],
    );
  }

  /** The idea's projects (a replica is a project of its own idea), locked for the go-live. */
  projectsOfIdea(ideaId: string, m: EntityManager): Promise<ImplementationProject[]> {
    return m
      .getRepository(ImplementationProject)
      .createQueryBuilder('p')
      .where('p.idea_id = :ideaId', { ideaId })
      .setLock('pessimistic_write')
      .getMany();
  }

  async setGoLive(projectId: string, at: Date, m: EntityManager): Promise<void> {
    await m.update(ImplementationProject, { id: projectId }, { goLiveAt: at });
  }

  /** Inserts the schedule once per project and ordinal (a second go-live keeps the first schedule). */
  async insertSchedule(projectId: string, schedule: readonly ScheduledReview[], m: EntityManager): Promise<number> {
    if (schedule.length === 0) return 0;
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(FieldReview)
      .values(
        schedule.map((r) => ({
          projectId,
          ordinal: r.ordinal,
          monthsAfterGoLive: r.monthsAfterGoLive,
          dueAt: r.dueAt,
          remindAt: r.remindAt,
          lateAt: r.lateAt,
        })),
      )
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  async ofIdea(ideaId: string, m: EntityManager = this.ds.manager): Promise<FieldReviewRow[]> {
    return m.query(`${SELECT_REVIEW} WHERE p.idea_id = $1 ORDER BY r.due_at, r.ordinal`, [ideaId]);
  }

  async ofProject(projectId: string, m: EntityManager = this.ds.manager): Promise<FieldReviewRow[]> {
    return m.query(`${SELECT_REVIEW} WHERE r.project_id = $1 ORDER BY r.ordinal`, [projectId]);
  }

  /** One review, its row locked when `lock` (answer and job steps serialise on it). */
  async find(id: string, m: EntityManager, lock = false): Promise<FieldReviewRow | null> {
    const rows: FieldReviewRow[] = await m.query(`${SELECT_REVIEW} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Records the answer unless someone answered first; false when already answered. */
  async answer(id: string, a: FieldReviewAnswer, by: string, at: Date, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
      `WITH u AS (UPDATE field_review SET answered_at = $2, answered_by = $3, what_happened = $4, unexpected = $5,
                  who_uses_it = $6 WHERE id = $1 AND answered_at IS NULL RETURNING id)
       SELECT id FROM u`,
      [id, at, by, a.whatHappened, a.unexpected, a.whoUsesIt],
    );
    return rows.length === 1;
  }

  /** Marks a job step done; false when it already was (a second firing does nothing). */
  async markStep(id: string, step: FieldReviewJob, at: Date, m: EntityManager): Promise<boolean> {
    const column = STEP_COLUMN[step];
    const rows: unknown[] = await m.query(
      `WITH u AS (UPDATE field_review SET ${column} = $2 WHERE id = $1 AND ${column} IS NULL RETURNING id) SELECT id FROM u`,
      [id, at],
    );
    return rows.length === 1;
  }

  /** Moves a review's dates (the test clock), keeping the gaps between due, remind and late. */
  async moveDue(id: string, dueAt: Date, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE field_review SET remind_at = $2::timestamptz + (remind_at - due_at),
              late_at = $2::timestamptz + (late_at - due_at), due_at = $2::timestamptz
        WHERE id = $1`,
      [id, dueAt],
    );
  }

  /** The person's unanswered reviews that are due: they own the project or are an accepted author. */
  async toAnswerBy(personId: string, now: Date, m: EntityManager = this.ds.manager): Promise<FieldReviewRow[]> {
    return m.query(
      `${SELECT_REVIEW}
        WHERE r.answered_at IS NULL AND r.due_at <= $2 AND i.status = 'follow_up'
          AND (p.owner_id = $1 OR i.captured_by = $1
               OR EXISTS (SELECT 1 FROM idea_author a WHERE a.idea_id = i.id AND a.person_id = $1 AND a.status = 'accepted'))
        ORDER BY r.due_at LIMIT 200`,
      [personId, now],
    );
  }

  /** Unanswered reviews past their late date on ideas still followed up, oldest first. */
  async late(now: Date, limit: number, m: EntityManager = this.ds.manager): Promise<LateFieldReviewRow[]> {
    return m.query(
      `SELECT x.*, COALESCE(ou.path, '{}') AS "orgUnitPath", i2.themes
         FROM (${SELECT_REVIEW} WHERE r.answered_at IS NULL AND r.late_at <= $1 AND i.status = 'follow_up') x
         JOIN idea i2 ON i2.id = x."ideaId"
         LEFT JOIN org_unit ou ON ou.id = i2.org_unit_id
        ORDER BY x."dueAt" LIMIT $2`,
      [now, limit],
    );
  }

  /** Who is asked: the project's owner and the idea's accepted authors (and its capturer, acting for one). */
  async askedPeople(ideaId: string, ownerId: string, m: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT a.person_id AS id FROM idea_author a WHERE a.idea_id = $1 AND a.status = 'accepted'
       UNION SELECT $2::uuid`,
      [ideaId, ownerId],
    );
    return rows.map((r) => r.id).sort();
  }
}
