import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A campaign as announcing it needs: its title, whether archived, its audience units' paths. */
export interface AnnouncedCampaignRow {
  id: string;
  title: string;
  archived_at: Date | null;
  paths: string[][] | null;
}

/** An announcement's progress. */
export interface AnnouncementRow {
  id: string;
  announced_at: Date;
  audience_size: number;
  notified: number;
  emails_queued: number;
  emails_sent: number;
  cursor: string | null;
  completed_at: Date | null;
}

/** The announcement row the fan-out works from. */
export interface FanOutAnnouncementRow {
  id: string;
  campaign_id: string;
  announced_at: Date;
  cursor: string | null;
  completed_at: Date | null;
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

/** The event type of an announcement's notifications (they have no idea event). */
export const CAMPAIGN_ANNOUNCED = 'campaign_announced';

/** Campaign announcements: the managers' side (announce, progress) and the worker's fan-out. */
@Injectable()
export class AnnouncementsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** How many people an announcement of this campaign would reach now. */
  async audienceSize(campaignId: string, m?: EntityManager): Promise<number> {
    const [row] = (await (m ?? this.ds.manager).query(`SELECT count(*)::int AS n FROM (${AUDIENCE_SQL}) a`, [
      campaignId,
    ])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The campaign (its row locked when `lock`), or undefined. */
  async campaign(campaignId: string, lock: boolean, m?: EntityManager): Promise<AnnouncedCampaignRow | undefined> {
    const [row] = (await (m ?? this.ds.manager).query(
      `SELECT c.id, c.title, c.archived_at,
              (SELECT json_agg(u.path) FROM org_unit u WHERE u.id = ANY(c.audience_org_unit_ids)) AS paths
         FROM campaign c WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [campaignId],
    )) as AnnouncedCampaignRow[];
    return row;
  }

  /** When idea submissions open next, if they are not open now (null otherwise). */
  async opensAt(campaignId: string, m?: EntityManager): Promise<Date | null> {
    const [row] = (await (m ?? this.ds.manager).query(
      `SELECT CASE WHEN bool_or(p.starts_at <= now() AND p.ends_at > now()) THEN NULL
                   ELSE min(p.starts_at) FILTER (WHERE p.starts_at > now()) END AS opens_at
         FROM campaign_phase p WHERE p.campaign_id = $1 AND p.submissions_open`,
      [campaignId],
    )) as { opens_at: Date | null }[];
    return row?.opens_at ?? null;
  }

  async ofCampaign(campaignId: string, m?: EntityManager): Promise<AnnouncementRow | undefined> {
    const [row] = (await (m ?? this.ds.manager).query(
      `SELECT id::text AS id, announced_at, audience_size, notified, emails_queued, emails_sent, cursor::text AS cursor, completed_at
         FROM campaign_announcement WHERE campaign_id = $1`,
      [campaignId],
    )) as AnnouncementRow[];
    return row;
  }

  /** Records the announcement (at `at`, else now); its id. */
  async insert(
    campaignId: string,
    announcedBy: string,
    audienceSize: number,
    at: Date | null,
    m: EntityManager,
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO campaign_announcement (campaign_id, announced_by, announced_at, audience_size)
       VALUES ($1, $2, COALESCE($4::timestamptz, now()), $3) RETURNING id::text AS id`,
      [campaignId, announcedBy, audienceSize, at],
    )) as { id: string }[];
    return row!.id;
  }

  /** The announcement's e-mails that failed (few: found through the status index, not counted over the audience). */
  async failedEmails(announcementId: string, m?: EntityManager): Promise<number> {
    const [row] = (await (m ?? this.ds.manager).query(
      `WITH failed AS MATERIALIZED (
         SELECT id FROM notification_delivery WHERE status = 'failed' AND kind = 'immediate')
       SELECT count(*)::int AS n FROM failed
         JOIN notification_delivery_item di ON di.delivery_id = failed.id
         JOIN notification n ON n.id = di.notification_id
        WHERE n.announcement_id = $1`,
      [announcementId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** When the announcement goes out (the fan-out holds it until then). */
  async announcedAt(announcementId: string, m?: EntityManager): Promise<Date | undefined> {
    const [row] = (await (m ?? this.ds.manager).query('SELECT announced_at FROM campaign_announcement WHERE id = $1', [
      announcementId,
    ])) as { announced_at: Date }[];
    return row?.announced_at;
  }

  // ---- the fan-out ----

  /** The row lock makes two runs of the same announcement take turns rather than race on the cursor. */
  async lockForFanOut(announcementId: string, m: EntityManager): Promise<FanOutAnnouncementRow | undefined> {
    const [row] = (await m.query(
      `SELECT id::text AS id, campaign_id, announced_at, cursor::text AS cursor, completed_at
         FROM campaign_announcement WHERE id = $1 FOR UPDATE`,
      [announcementId],
    )) as FanOutAnnouncementRow[];
    return row;
  }

  /** The next `limit` people of the audience after `cursor`, in id order. */
  async audienceAfter(campaignId: string, cursor: string | null, limit: number, m: EntityManager): Promise<string[]> {
    const rows = (await m.query(
      `SELECT a.id::text AS id FROM (${AUDIENCE_SQL}) a
        WHERE $2::uuid IS NULL OR a.id > $2::uuid ORDER BY a.id LIMIT $3`,
      [campaignId, cursor, limit],
    )) as { id: string }[];
    return rows.map((p) => p.id);
  }

  async complete(announcementId: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE campaign_announcement SET completed_at = now() WHERE id = $1', [announcementId]);
  }

  /** Moves the cursor and the counters after a batch (and completes it when `done`). */
  async advance(
    announcementId: string,
    step: { cursor: string; notified: number; emails: number; done: boolean },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `UPDATE campaign_announcement
          SET cursor = $2, notified = notified + $3, emails_queued = emails_queued + $4,
              completed_at = CASE WHEN $5 THEN now() ELSE completed_at END
        WHERE id = $1`,
      [announcementId, step.cursor, step.notified, step.emails, step.done],
    );
  }

  /**
   * A fan-out can grow these tables many times over within seconds, before autovacuum's next look:
   * one sample keeps the senders' key look-ups on the indexes.
   */
  async analyzeNotificationTables(): Promise<void> {
    await this.ds.query('ANALYZE notification, notification_delivery, notification_delivery_item');
  }
}
