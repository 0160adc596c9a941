import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequestId, RequirePermission } from '@eclore/server-identity';
import { AnnounceCampaignInput, AnnouncementCampaignParams, CampaignAnnouncementDto } from './announcements.dto';
import { AnnouncementsService } from './announcements.service';

@ApiTags('campaigns')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('campaigns/:id/announcement')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @RequirePermission('campaign.manage', { objectLevel: true })
  @ApiOperation({
    operationId: 'getCampaignAnnouncement',
    summary: 'The audience an announcement would reach, or the progress of the announcement (campaign managers).',
  })
  @ApiOkResponse({ type: CampaignAnnouncementDto })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`' })
  get(@CurrentActor() actor: Actor, @Param() params: AnnouncementCampaignParams): Promise<CampaignAnnouncementDto> {
    return this.announcements.status(actor, params.id);
  }

  @Post()
  @HttpCode(200)
  @RequirePermission('campaign.manage', { objectLevel: true })
  @ApiOperation({
    operationId: 'announceCampaign',
    summary:
      'Announces the campaign to its audience: an in-app notification each and e-mails per their preferences. Idempotent: once per campaign.',
  })
  @ApiOkResponse({ type: CampaignAnnouncementDto })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`' })
  @ApiConflictResponse({ description: '`campaign_archived`' })
  @ApiBadRequestResponse({ description: '`when`: `opening` for a campaign open already or never opening later.' })
  announce(
    @CurrentActor() actor: Actor,
    @Param() params: AnnouncementCampaignParams,
    @Body() input: AnnounceCampaignInput,
    @RequestId() requestId: string | null,
  ): Promise<CampaignAnnouncementDto> {
    // A POST without a body (the usual announce-now) arrives as undefined.
    return this.announcements.announce(actor, params.id, requestId, input?.when ?? 'now');
  }
}
