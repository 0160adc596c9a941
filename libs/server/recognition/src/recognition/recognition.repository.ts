import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_RECOGNITION_SETTINGS,
  type ContributionKind,
  type RecognitionForm,
  type RecognitionMilestone,
  type RecognitionSettings,
  type RecognitionStatus,
} from '@eclore/domain';
import { Recognition, RecognitionSettingsRow } from '../entities';

/** A due item to open (the database computes its due key and ignores one already there). */
export interface NewDueItem {
  ideaId: string;
  milestone: RecognitionMilestone;
  occurrence: string;
  personId: string;
  anonymous: boolean;
}

/** A person's kind of contribution on an idea, and whether they are an anonymous author not yet claimed. */
export interface CreditedPersonRow {
  personId: string;
  kind: ContributionKind;
  anonymous: boolean;
}

/** A recognition as the lists read it: the row, its idea's title, whether its person is still hidden. */
export interface RecognitionListRow {
  id: string;
  ideaId: string;
  ideaTitle: string;
  milestone: RecognitionMilestone;
  personId: string;
  /** An anonymous author who has not claimed the idea: never named to anyone but themselves. */
  hidden: boolean;
  status: RecognitionStatus;
  openedAt: Date;
  openedKey: string;
  form: RecognitionForm | null;
  message: string | null;
  isPublic: boolean;
  publicDeclinedAt: Date | null;
  dismissReason: string | null;
  recordedAt: Date | null;
}

/** Where a recogniser may look: everywhere (HR, admins, an organisation-wide lead) or units and themes. */
export interface RecogniserScope {
  everywhere: boolean;
  units: string[];
  themes: string[];
}

// A person stays hidden while they have not claimed their anonymous entries on the idea (a claim
// covers all of them at once, docs/recognition.md §1).
const HIDDEN = `(r.anonymous AND NOT EXISTS (
    SELECT 1 FROM contribution c
     WHERE c.idea_id = r.idea_id AND c.person_id = r.person_id AND c.claimed_at IS NOT NULL))`;

const LIST_COLUMNS = `r.id, r.idea_id AS "ideaId", i.title AS "ideaTitle", r.milestone, r.person_id AS "personId",
  ${HIDDEN} AS hidden, r.status, r.opened_at AS "openedAt", r.opened_at::text AS "openedKey", r.form, r.message,
  r.is_public AS "isPublic", r.public_declined_at AS "publicDeclinedAt", r.dismiss_reason AS "dismissReason",
  r.recorded_at AS "recordedAt"`;

/** The recognition workflow's SQL: due items, their transitions, the lists and the settings. */
@Injectable()
export class RecognitionRepository {
  constructor(private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async settings(manager = this.ds.manager): Promise<RecognitionSettings & { updatedAt: Date | null }> {
    const row = await manager.findOne(RecognitionSettingsRow, { where: { id: 1 } });
    return row
      ? { milestones: row.milestones, updatedAt: row.updatedAt }
      : { ...DEFAULT_RECOGNITION_SETTINGS, updatedAt: null };
  }

  async saveSettings(milestones: readonly RecognitionMilestone[], by: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO recognition_settings (id, milestones, updated_by, updated_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET milestones = EXCLUDED.milestones, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [[...milestones], by],
    );
  }

  /**
   * The people named in the idea's ledger, per kind, and whether any of their entries on the idea is
   * an anonymous author's not yet claimed (then they stay hidden, whatever the kind).
   */
  async creditedPeople(ideaId: string, manager = this.ds.manager): Promise<CreditedPersonRow[]> {
    return manager.query(
      `SELECT c.person_id AS "personId", c.kind,
              bool_or(bool_or(c.anonymous AND c.claimed_at IS NULL)) OVER (PARTITION BY c.person_id) AS anonymous
         FROM contribution c JOIN person p ON p.id = c.person_id
        WHERE c.idea_id = $1 AND c.person_id IS NOT NULL
        GROUP BY c.person_id, c.kind`,
      [ideaId],
    );
  }

  /** Opens the items not already open (same due key); answers the ids of those opened now. */
  async openDue(items: readonly NewDueItem[], manager = this.ds.manager): Promise<string[]> {
    if (items.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO recognition (idea_id, milestone, occurrence, person_id, anonymous)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::boolean[])
       ON CONFLICT (due_key) DO NOTHING
       RETURNING id`,
      [
        items.map((i) => i.ideaId),
        items.map((i) => i.milestone),
        items.map((i) => i.occurrence),
        items.map((i) => i.personId),
        items.map((i) => i.anonymous),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** One recognition as the lists read it, locked for a transition when asked. */
  async find(
    id: string,
    manager = this.ds.manager,
    options: { lock?: boolean } = {},
  ): Promise<RecognitionListRow | null> {
    if (options.lock) await manager.query('SELECT id FROM recognition WHERE id = $1 FOR UPDATE', [id]);
    const rows: RecognitionListRow[] = await manager.query(
      `SELECT ${LIST_COLUMNS} FROM recognition r JOIN idea i ON i.id = r.idea_id WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A page of the recognisers' list within their scope (the idea's unit subtree or themes), oldest
   * first, after the cursor (opened_at as PostgreSQL prints it, id).
   */
  page(
    filter: { scope: RecogniserScope; status: RecognitionStatus | null },
    after: { openedAt: string; id: string } | null,
    limit: number,
    manager = this.ds.manager,
  ): Promise<RecognitionListRow[]> {
    return manager.query(
      `SELECT ${LIST_COLUMNS}
         FROM recognition r
         JOIN idea i ON i.id = r.idea_id
         LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
        WHERE ($1::boolean OR ou.path && $2::uuid[] OR i.themes && $3::text[])
          AND ($4::text IS NULL OR r.status = $4)
          AND ($5::timestamptz IS NULL OR (r.opened_at, r.id) > ($5::timestamptz, $6::uuid))
        ORDER BY r.opened_at, r.id
        LIMIT $7`,
      [
        filter.scope.everywhere,
        filter.scope.units,
        filter.scope.themes,
        filter.status,
        after?.openedAt ?? null,
        after?.id ?? null,
        limit,
      ],
    );
  }

  /**
   * The idea's recognitions shown on its public pages: recorded, public (not declined), of a person
   * who is not a hidden author (whose recognition is private anyway), oldest first.
   */
  publicOf(ideaId: string, manager = this.ds.manager): Promise<RecognitionListRow[]> {
    return manager.query(
      `SELECT ${LIST_COLUMNS} FROM recognition r JOIN idea i ON i.id = r.idea_id
        WHERE r.idea_id = $1 AND r.status = 'recorded' AND r.is_public AND NOT ${HIDDEN}
        ORDER BY r.recorded_at, r.id`,
      [ideaId],
    );
  }

  /** The person's own recognitions, recorded ones only (due and dismissed items are the recognisers' work). */
  mine(personId: string, manager = this.ds.manager): Promise<RecognitionListRow[]> {
    return manager.query(
      `SELECT ${LIST_COLUMNS} FROM recognition r JOIN idea i ON i.id = r.idea_id
        WHERE r.person_id = $1 AND r.status = 'recorded'
        ORDER BY r.recorded_at DESC, r.id`,
      [personId],
    );
  }

  async record(
    id: string,
    values: { form: RecognitionForm; message: string; isPublic: boolean; anonymous: boolean; by: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(Recognition, id, {
      status: 'recorded',
      form: values.form,
      message: values.message,
      isPublic: values.isPublic,
      anonymous: values.anonymous,
      recordedBy: values.by,
      recordedAt: () => 'now()',
    } as never);
  }

  async dismiss(id: string, values: { reason: string; by: string }, manager: EntityManager): Promise<void> {
    await manager.update(Recognition, id, {
      status: 'dismissed',
      dismissReason: values.reason,
      recordedBy: values.by,
      recordedAt: () => 'now()',
    } as never);
  }

  async declinePublic(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(Recognition, id, { isPublic: false, publicDeclinedAt: at });
  }

  async markNotified(id: string, manager: EntityManager): Promise<void> {
    await manager.update(Recognition, id, { notifiedAt: () => 'now()' } as never);
  }
}
