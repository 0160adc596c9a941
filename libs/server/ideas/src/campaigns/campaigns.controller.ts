import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { Endpoint, type EndpointPreset } from '@eclore/server-platform';
import {
  CampaignDto,
  CampaignListDto,
  CreateCampaignInput,
  ReplaceCampaignPhasesInput,
  UpdateCampaignInput,
} from './campaigns.dto';
import { CampaignCommands } from './campaign-commands.service';
import { CampaignQueries } from './campaign-queries.service';

// Who may call each route; managing an existing campaign can also find it outside one's scope or unknown.
const READ: EndpointPreset = { permission: 'campaign.read' };
const MANAGE: EndpointPreset = { permission: 'campaign.manage' };
const MANAGE_CAMPAIGN: EndpointPreset = {
  ...MANAGE,
  errors: ['role_required', 'out_of_scope', 'campaign_not_found'],
  errorText: { 403: '`role_required` or `out_of_scope`' },
};

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly queries: CampaignQueries,
    private readonly commands: CampaignCommands,
  ) {}

  @Get()
  @Endpoint(READ, {
    operationId: 'listCampaigns',
    summary: 'Campaigns addressed to the signed-in person (and those they manage): current, upcoming, past.',
    ok: CampaignListDto,
  })
  list(@CurrentActor() actor: Actor): Promise<CampaignListDto> {
    return this.queries.list(actor);
  }

  @Get(':id')
  @Endpoint(READ, {
    operationId: 'getCampaign',
    summary: 'One campaign with its phases, the active phase and what it allows now.',
    ok: CampaignDto,
    errors: ['campaign_not_found'],
    errorText: { 404: '`campaign_not_found` (unknown, or not addressed to you)' },
  })
  get(@CallOn() call: CallOn): Promise<CampaignDto> {
    return this.queries.get(call.actor, call.id);
  }

  @Post()
  @Endpoint(MANAGE, {
    operationId: 'createCampaign',
    summary: 'Creates a campaign (network members and admins).',
    ok: CampaignDto,
    status: 201,
    errors: ['validation_failed', 'role_required', 'out_of_scope'],
    errorText: {
      400: 'Invalid fields, overlapping or inverted phases (`phases.N.startsAt`/`endsAt`), unknown org unit, inactive sponsor.',
      403: '`role_required`, or `out_of_scope` for an audience outside your scope',
    },
  })
  create(@Call() call: Call, @Body() input: CreateCampaignInput): Promise<CampaignDto> {
    return this.commands.create(call.actor, input, call.requestId);
  }

  @Patch(':id')
  @Endpoint(MANAGE_CAMPAIGN, {
    operationId: 'updateCampaign',
    summary: 'Changes a campaign (phases have their own route).',
    ok: CampaignDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Invalid fields, unknown org unit, inactive sponsor.' },
  })
  update(@CallOn() call: CallOn, @Body() input: UpdateCampaignInput): Promise<CampaignDto> {
    return this.commands.update(call.actor, call.id, input, call.requestId);
  }

  @Put(':id/phases')
  @Endpoint(MANAGE_CAMPAIGN, {
    operationId: 'replaceCampaignPhases',
    summary: 'Replaces the ordered list of phases (at most one active: ordered, non-overlapping).',
    ok: CampaignDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Names the phase field, e.g. `phases.1.endsAt` (`endsBeforeStart`).' },
  })
  replacePhases(@CallOn() call: CallOn, @Body() input: ReplaceCampaignPhasesInput): Promise<CampaignDto> {
    return this.commands.replacePhases(call.actor, call.id, input, call.requestId);
  }

  @Post(':id/archive')
  @Endpoint(MANAGE_CAMPAIGN, {
    operationId: 'archiveCampaign',
    summary: 'Archives a campaign: off the lists, every feature closed, still readable by link. Idempotent.',
    ok: CampaignDto,
  })
  archive(@CallOn() call: CallOn): Promise<CampaignDto> {
    return this.commands.archive(call.actor, call.id, call.requestId);
  }
}
