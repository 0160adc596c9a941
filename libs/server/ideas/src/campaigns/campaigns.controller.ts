import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import {
  CampaignDto,
  CampaignIdParams,
  CampaignListDto,
  CreateCampaignInput,
  ReplaceCampaignPhasesInput,
  UpdateCampaignInput,
} from './campaigns.dto';
import { CampaignCommands } from './campaign-commands.service';
import { CampaignQueries } from './campaign-queries.service';
import { RequestId } from './request-id';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly queries: CampaignQueries,
    private readonly commands: CampaignCommands,
  ) {}

  @Get()
  @RequirePermission('campaign.read')
  @ApiOperation({
    operationId: 'listCampaigns',
    summary: 'Campaigns addressed to the signed-in person (and those they manage): current, upcoming, past.',
  })
  @ApiOkResponse({ type: CampaignListDto })
  list(@CurrentActor() actor: Actor): Promise<CampaignListDto> {
    return this.queries.list(actor);
  }

  @Get(':id')
  @RequirePermission('campaign.read')
  @ApiOperation({
    operationId: 'getCampaign',
    summary: 'One campaign with its phases, the active phase and what it allows now.',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiNotFoundResponse({ description: '`campaign_not_found` (unknown, or not addressed to you)' })
  get(@CurrentActor() actor: Actor, @Param() params: CampaignIdParams): Promise<CampaignDto> {
    return this.queries.get(actor, params.id);
  }

  @Post()
  @RequirePermission('campaign.manage')
  @ApiOperation({ operationId: 'createCampaign', summary: 'Creates a campaign (network members and admins).' })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiBadRequestResponse({
    description:
      'Invalid fields, overlapping or inverted phases (`phases.N.startsAt`/`endsAt`), unknown org unit, inactive sponsor.',
  })
  @ApiForbiddenResponse({ description: '`role_required`, or `out_of_scope` for an audience outside your scope' })
  create(
    @CurrentActor() actor: Actor,
    @Body() input: CreateCampaignInput,
    @RequestId() requestId: string | null,
  ): Promise<CampaignDto> {
    return this.commands.create(actor, input, requestId);
  }

  @Patch(':id')
  @RequirePermission('campaign.manage')
  @ApiOperation({ operationId: 'updateCampaign', summary: 'Changes a campaign (phases have their own route).' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, unknown org unit, inactive sponsor.' })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`' })
  update(
    @CurrentActor() actor: Actor,
    @Param() params: CampaignIdParams,
    @Body() input: UpdateCampaignInput,
    @RequestId() requestId: string | null,
  ): Promise<CampaignDto> {
    return this.commands.update(actor, params.id, input, requestId);
  }

  @Put(':id/phases')
  @RequirePermission('campaign.manage')
  @ApiOperation({
    operationId: 'replaceCampaignPhases',
    summary: 'Replaces the ordered list of phases (at most one active: ordered, non-overlapping).',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ description: 'Names the phase field, e.g. `phases.1.endsAt` (`endsBeforeStart`).' })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`' })
  replacePhases(
    @CurrentActor() actor: Actor,
    @Param() params: CampaignIdParams,
    @Body() input: ReplaceCampaignPhasesInput,
    @RequestId() requestId: string | null,
  ): Promise<CampaignDto> {
    return this.commands.replacePhases(actor, params.id, input, requestId);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @RequirePermission('campaign.manage')
  @ApiOperation({
    operationId: 'archiveCampaign',
    summary: 'Archives a campaign: off the lists, every feature closed, still readable by link. Idempotent.',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`' })
  archive(
    @CurrentActor() actor: Actor,
    @Param() params: CampaignIdParams,
    @RequestId() requestId: string | null,
  ): Promise<CampaignDto> {
    return this.commands.archive(actor, params.id, requestId);
  }
}
