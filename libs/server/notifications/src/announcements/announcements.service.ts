import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Conflict, NotFound, ValidationFailed, type Actor, type ScopeTarget } from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import { OutboxService } from '@eclore/server-platform';
import { audienceSize } from '../engine/announcement';
import type { CampaignAnnouncementDto } from './announcements.dto';

interface CampaignRow {
  id: string;
  title: string;
  archived_at: Date | null;
  paths: string[][] | null;
}

interface AnnouncementRow {
  id: string;
  announced_at: Date;
  audience_size: number;
  notified: number;
  emails_queued: number;
  emails_sent: number;
  cursor: string | null;
  completed_at: Date | null;
}

/**
 * Announcing a campaign to its audience. The announcement row, its audit entry and the outbox
 * message of the fan-out commit together; the worker then writes the notifications and e-mails
 * (AnnouncementFanOut). One announcement per campaign: announcing again answers the first one.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async status(actor: Actor, campaignId: string): Promise<CampaignAnnouncementDto> {
    const m = this.ds.manager;
    await this.manageable(m, actor, campaignId, false);
    return this.present(m, campaignId);
  }

  /**
   * `when: 'opening'` announces it when idea submissions open (the start of its next phase open to
   * submissions), for a campaign not open yet: the worker holds the fan-out until then.
   */
  async announce(
    actor: Actor,
    campaignId: string,
    requestId: string | null,
    when: 'now' | 'opening' = 'now',
  ): Promise<CampaignAnnouncementDto> {
    await this.ds.transaction(async (m) => {
      const campaign = await this.manageable(m, actor, campaignId, true);
      const [existing] = (await m.query('SELECT id FROM campaign_announcement WHERE campaign_id = $1', [
        campaignId,
      ])) as { id: string }[];
      if (existing) return; // announced already: nobody is told twice
      if (campaign.archived_at) throw new Conflict('campaign_archived', 'An archived campaign cannot be announced.');
      const opensAt = when === 'opening' ? await this.opensAt(m, campaignId) : null;
      if (when === 'opening' && !opensAt)
        throw new ValidationFailed([
          {
            field: 'when',
            code: 'noLaterOpening',
            message: 'Idea submissions are open already or never open later: announce it now.',
          },
        ]);
      const size = await audienceSize(m, campaignId);
      const [row] = (await m.query(
        `INSERT INTO campaign_announcement (campaign_id, announced_by, announced_at, audience_size)
         VALUES ($1, $2, COALESCE($4::timestamptz, now()), $3) RETURNING id::text AS id`,
        [campaignId, actor.personId, size, opensAt],
      )) as { id: string }[];
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'campaign.announced',
        subjectType: 'campaign',
        subjectId: campaignId,
        data: { title: campaign.title, audienceSize: size, ...(opensAt ? { at: opensAt.toISOString() } : {}) },
        requestId,
      });
      await this.outbox.append(m, 'notifications.announce', { announcementId: row!.id });
    });
    return this.present(this.ds.manager, campaignId);
  }

  /** When idea submissions open next, if they are not open now (null otherwise). */
  private async opensAt(m: EntityManager, campaignId: string): Promise<Date | null> {
    const [row] = (await m.query(
      `SELECT CASE WHEN bool_or(p.starts_at <= now() AND p.ends_at > now()) THEN NULL
                   ELSE min(p.starts_at) FILTER (WHERE p.starts_at > now()) END AS opens_at
         FROM campaign_phase p WHERE p.campaign_id = $1 AND p.submissions_open`,
      [campaignId],
    )) as { opens_at: Date | null }[];
    return row?.opens_at ?? null;
  }

  /** The campaign, if the actor may manage it: `campaign.manage` on each audience unit (or the whole organisation). */
  private async manageable(m: EntityManager, actor: Actor, campaignId: string, lock: boolean): Promise<CampaignRow> {
    const [campaign] = (await m.query(
      `SELECT c.id, c.title, c.archived_at,
              (SELECT json_agg(u.path) FROM org_unit u WHERE u.id = ANY(c.audience_org_unit_ids)) AS paths
         FROM campaign c WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [campaignId],
    )) as CampaignRow[];
    if (!campaign) throw new NotFound('campaign', campaignId);
    const targets: ScopeTarget[] = campaign.paths?.length
      ? campaign.paths.map((orgUnitPath) => ({ orgUnitPath }))
      : [{ orgUnitPath: [] }];
    for (const target of targets) this.access.assert(actor, 'campaign.manage', { target });
    return campaign;
  }

  private async present(m: EntityManager, campaignId: string): Promise<CampaignAnnouncementDto> {
    const [a] = (await m.query(
      `SELECT id::text AS id, announced_at, audience_size, notified, emails_queued, emails_sent, cursor::text AS cursor, completed_at
         FROM campaign_announcement WHERE campaign_id = $1`,
      [campaignId],
    )) as AnnouncementRow[];
    if (!a)
      return {
        campaignId,
        announced: false,
        scheduled: false,
        opensAt: (await this.opensAt(m, campaignId))?.toISOString() ?? null,
        audienceSize: await audienceSize(m, campaignId),
        announcedAt: null,
        notified: 0,
        emailsQueued: 0,
        emailsSent: 0,
        emailsFailed: 0,
        completed: false,
      };
    // Failures are few: found through the status index rather than counted over the audience.
    const [failed] = (await m.query(
      `WITH failed AS MATERIALIZED (
         SELECT id FROM notification_delivery WHERE status = 'failed' AND kind = 'immediate')
       SELECT count(*)::int AS n FROM failed
         JOIN notification_delivery_item di ON di.delivery_id = failed.id
         JOIN notification n ON n.id = di.notification_id
        WHERE n.announcement_id = $1`,
      [a.id],
    )) as { n: number }[];
    return {
      campaignId,
      announced: true,
      scheduled: a.cursor === null && a.completed_at === null && a.announced_at.getTime() > Date.now(),
      opensAt: null,
      audienceSize: a.audience_size,
      announcedAt: a.announced_at.toISOString(),
      notified: a.notified,
      emailsQueued: a.emails_queued,
      emailsSent: a.emails_sent,
      emailsFailed: failed?.n ?? 0,
      completed: a.completed_at !== null,
    };
  }
}
