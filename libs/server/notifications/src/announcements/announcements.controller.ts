import { Body, Get, Post } from '@nestjs/common';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { CallOn } from '@eclore/server-identity';
import { AnnounceCampaignInput, CampaignAnnouncementDto } from './announcements.dto';
import { AnnouncementsService } from './announcements.service';

const MANAGE = { action: 'campaign.manage', objectLevel: true } as const;

@ApiController('campaigns', 'campaigns/:id/announcement', MANAGE)
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @Endpoint({
    operationId: 'getCampaignAnnouncement',
    summary: 'The audience an announcement would reach, or the progress of the announcement (campaign managers).',
    ok: CampaignAnnouncementDto,
    errors: ['role_required', 'out_of_scope', 'campaign_not_found'],
  })
  get(@CallOn() call: CallOn): Promise<CampaignAnnouncementDto> {
    return this.announcements.status(call.actor, call.id);
  }

  @Post()
  @Endpoint({
    operationId: 'announceCampaign',
    summary:
      'Announces the campaign to its audience: an in-app notification each and e-mails per their preferences. Idempotent: once per campaign.',
    ok: CampaignAnnouncementDto,
    errors: ['role_required', 'out_of_scope', 'campaign_not_found', 'campaign_archived', 'validation_failed'],
    errorText: { 400: '`when`: `opening` for a campaign open already or never opening later.' },
  })
  announce(@CallOn() call: CallOn, @Body() input: AnnounceCampaignInput): Promise<CampaignAnnouncementDto> {
    // A POST without a body (the usual announce-now) arrives as undefined.
    return this.announcements.announce(call.actor, call.id, call.requestId, input?.when ?? 'now');
  }
}
