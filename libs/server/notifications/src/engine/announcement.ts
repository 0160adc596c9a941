import type { DataSource, EntityManager } from 'typeorm';
import { emailImmediately } from './dispatcher';

/** The event type of an announcement's notifications (they have no idea event). */
export const CAMPAIGN_ANNOUNCED = 'campaign_announced';

export interface FanOutOptions {
  emailEnabled: boolean;
  publicUrl: string;
  /** People per transaction. */
  batchSize?: number;
  /** E-mails per `notifications.deliver_batch` job. */
  emailsPerJob?: number;
}

export interface FanOutResult {
  notified: number;
  emails: number;
  batches: number;
}

/**
 * The people a campaign speaks to: active people in its audience units or their subtrees (a unit's
 * `path` holds every ancestor, so "in the subtree of X" is `X = ANY(path)`), or everyone active when
 * the campaign has no audience. `$1` is the campaign id. Selects `p.id`.
 */
export const AUDIENCE_SQL = `
  SELECT p.id FROM person p, campaign c
   WHERE c.id = $1 AND p.active
     AND (cardinality(c.audience_org_unit_ids) = 0
          OR EXISTS (SELECT 1 FROM org_unit u WHERE u.id = p.org_unit_id AND u.path && c.audience_org_unit_ids))`;

/** How many people an announcement of this campaign would reach now. */
export async function audienceSize(m: EntityManager, campaignId: string): Promise<number> {
  const [row] = (await m.query(`SELECT count(*)::int AS n FROM (${AUDIENCE_SQL}) a`, [campaignId])) as { n: number }[];
  return row?.n ?? 0;
}

/**
 * Writes an announcement's in-app notifications and immediate e-mails, set-based, in batches of
 * people taken in id order. Each batch is one transaction: the notification rows (unique per
 * announcement and person), the e-mail deliveries (unique key `email:<notification>`, the same
 * protocol as every e-mail), their outbox messages (one per `emailsPerJob` e-mails) and the
 * announcement's cursor and counters commit together. A crash loses at most the batch in flight,
 * and the next run resumes after the cursor; a re-run of a finished one does nothing.
 * People who take the `campaigns` category as a digest are left to it; "off" means in-app only.
 */
export class AnnouncementFanOut {
  private readonly batchSize: number;
  private readonly emailsPerJob: number;

  constructor(
    private readonly ds: DataSource,
    private readonly options: FanOutOptions,
  ) {
    this.batchSize = options.batchSize ?? 5000;
    this.emailsPerJob = options.emailsPerJob ?? 200;
  }

  async run(announcementId: string): Promise<FanOutResult> {
    const total: FanOutResult = { notified: 0, emails: 0, batches: 0 };
    for (;;) {
      const step = await this.ds.transaction((m) => this.batch(m, announcementId));
      if (!step) return total;
      total.notified += step.notified;
      total.emails += step.emails;
      total.batches += 1;
      // A fan-out can grow these tables many times over within seconds, before autovacuum's next
      // look: with statistics from when they were small, the planner reads the senders' key look-ups
      // as whole-table hash joins. One sample after a full first batch keeps their plans on the
      // indexes (a small announcement changes too little to matter).
      if (total.batches === 1 && step.notified >= this.batchSize)
        await this.ds.query('ANALYZE notification, notification_delivery, notification_delivery_item');
    }
  }

  /** One batch; null once the announcement is complete (or gone). */
  private async batch(m: EntityManager, announcementId: string): Promise<{ notified: number; emails: number } | null> {
    // The row lock makes two runs of the same announcement take turns rather than race on the cursor.
    const [a] = (await m.query(
      `SELECT id::text AS id, campaign_id, announced_at, cursor::text AS cursor, completed_at
         FROM campaign_announcement WHERE id = $1 FOR UPDATE`,
      [announcementId],
    )) as { id: string; campaign_id: string; announced_at: Date; cursor: string | null; completed_at: Date | null }[];
    if (!a || a.completed_at) return null;

    const people = (
      (await m.query(
        `SELECT a.id::text AS id FROM (${AUDIENCE_SQL}) a
          WHERE $2::uuid IS NULL OR a.id > $2::uuid ORDER BY a.id LIMIT $3`,
        [a.campaign_id, a.cursor, this.batchSize],
      )) as { id: string }[]
    ).map((p) => p.id);
    if (people.length === 0) {
      await m.query('UPDATE campaign_announcement SET completed_at = now() WHERE id = $1', [a.id]);
      return null;
    }

    const inserted = (await m.query(
      `INSERT INTO notification (recipient_id, idea_id, event_id, announcement_id, event_type, category, needs_action, created_at)
       SELECT p, NULL, NULL, $1, $2, 'campaigns', false, $3 FROM unnest($4::uuid[]) AS p
       ON CONFLICT DO NOTHING
       RETURNING id::text AS id, recipient_id`,
      [a.id, CAMPAIGN_ANNOUNCED, a.announced_at, people],
    )) as { id: string; recipient_id: string }[];

    let emails = 0;
    if (inserted.length > 0 && this.options.emailEnabled) {
      emails = await emailImmediately(m, inserted, this.options.publicUrl, { batchSize: this.emailsPerJob });
    }
    const done = people.length < this.batchSize;
    await m.query(
      `UPDATE campaign_announcement
          SET cursor = $2, notified = notified + $3, emails_queued = emails_queued + $4,
              completed_at = CASE WHEN $5 THEN now() ELSE completed_at END
        WHERE id = $1`,
      [a.id, people[people.length - 1], inserted.length, emails, done],
    );
    return { notified: inserted.length, emails };
  }
}
