import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Conflict, NotFound, ValidationFailed, type Actor, type ScopeTarget } from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import { OutboxService } from '@eclore/server-platform';
import type { CampaignAnnouncementDto } from './announcements.dto';
import { AnnouncementsRepository, type AnnouncedCampaignRow } from './announcements.repository';

/**
 * Announcing a campaign to its audience. The announcement row, its audit entry and the outbox
 * message of the fan-out commit together; the worker then writes the notifications and e-mails
 * (AnnouncementFanOut). One announcement per campaign: announcing again answers the first one.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AnnouncementsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async status(actor: Actor, campaignId: string): Promise<CampaignAnnouncementDto> {
    await this.manageable(actor, campaignId);
    return this.present(campaignId);
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
      const campaign = await this.manageable(actor, campaignId, m);
      if (await this.repo.ofCampaign(campaignId, m)) return; // announced already: nobody is told twice
      if (campaign.archived_at) throw new Conflict('campaign_archived', 'An archived campaign cannot be announced.');
      const opensAt = when === 'opening' ? await this.repo.opensAt(campaignId, m) : null;
      if (when === 'opening' && !opensAt)
        throw new ValidationFailed([
          {
            field: 'when',
            code: 'noLaterOpening',
            message: 'Idea submissions are open already or never open later: announce it now.',
          },
        ]);
      const size = await this.repo.audienceSize(campaignId, m);
      const id = await this.repo.insert(campaignId, actor.personId, size, opensAt, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'campaign.announced',
        subjectType: 'campaign',
        subjectId: campaignId,
        data: { title: campaign.title, audienceSize: size, ...(opensAt ? { at: opensAt.toISOString() } : {}) },
        requestId,
      });
      await this.outbox.append(m, 'notifications.announce', { announcementId: id });
    });
    return this.present(campaignId);
  }

  /**
   * The campaign, if the actor may manage it: `campaign.manage` on each audience unit (or the whole
   * organisation). Inside a transaction (`m`) its row stays locked until the announcement is written.
   */
  private async manageable(actor: Actor, campaignId: string, m?: EntityManager): Promise<AnnouncedCampaignRow> {
    const campaign = await this.repo.campaign(campaignId, m !== undefined, m);
    if (!campaign) throw new NotFound('campaign', campaignId);
    const targets: ScopeTarget[] = campaign.paths?.length
      ? campaign.paths.map((orgUnitPath) => ({ orgUnitPath }))
      : [{ orgUnitPath: [] }];
    for (const target of targets) this.access.assert(actor, 'campaign.manage', { target });
    return campaign;
  }

  private async present(campaignId: string): Promise<CampaignAnnouncementDto> {
    const a = await this.repo.ofCampaign(campaignId);
    if (!a)
      return {
        campaignId,
        announced: false,
        scheduled: false,
        opensAt: (await this.repo.opensAt(campaignId))?.toISOString() ?? null,
        audienceSize: await this.repo.audienceSize(campaignId),
        announcedAt: null,
        notified: 0,
        emailsQueued: 0,
        emailsSent: 0,
        emailsFailed: 0,
        completed: false,
      };
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
      emailsFailed: await this.repo.failedEmails(a.id),
      completed: a.completed_at !== null,
    };
  }
}
