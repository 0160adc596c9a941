import { Body, Delete, Get, Put } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import { CriteriaSetDto, CriteriaSetInput } from './criteria.dto';
import { CriteriaService } from './criteria.service';

const INVALID = '`validation_failed` naming each field (`criteria.2.weight`, `criteria.0.levels.4.en`…).';
const FORBIDDEN = '`role_required`, `out_of_scope`.';
const CAMPAIGN_NOT_FOUND = '`campaign_not_found`.';

// Who may call each route; a campaign's own set can also be out of scope or unknown.
const READ: EndpointPreset = { permission: 'criteria.read' };
const MANAGE: EndpointPreset = { permission: { action: 'criteria.manage', objectLevel: true } };
const MANAGE_CAMPAIGN_CRITERIA: EndpointPreset = {
  ...MANAGE,
  errors: ['role_required', 'out_of_scope', 'campaign_not_found'],
  errorText: { 403: FORBIDDEN, 404: CAMPAIGN_NOT_FOUND },
};

/** The organisation's default criteria set. */
@ApiController('qualification', 'criteria-sets/default')
export class DefaultCriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @Endpoint(READ, {
    operationId: 'getDefaultCriteriaSet',
    summary: 'The organisation’s default criteria set (network, committee, admins).',
    ok: CriteriaSetDto,
    errors: ['role_required'],
    errorText: { 403: '`role_required`.' },
  })
  getDefault(@CurrentActor() actor: Actor): Promise<CriteriaSetDto> {
    return this.criteria.getDefault(actor);
  }

  @Put()
  @Endpoint(MANAGE, {
    operationId: 'saveDefaultCriteriaSet',
    summary: 'Replace the organisation’s default criteria set (admins, organisation-wide network members).',
    ok: CriteriaSetDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope', 'stale_version'],
    errorText: {
      400: INVALID,
      403: '`role_required`, `out_of_scope` (a network member scoped to a unit).',
      409: '`stale_version`.',
    },
  })
  saveDefault(@Call() call: Call, @Body() input: CriteriaSetInput): Promise<CriteriaSetDto> {
    return this.criteria.saveDefault(call.actor, input, call.requestId);
  }
}

/** A campaign's own criteria set (a copy of the default to edit). */
@ApiController('qualification', 'campaigns/:id/criteria-set')
export class CampaignCriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @Endpoint(READ, {
    operationId: 'getCampaignCriteriaSet',
    summary: 'The criteria the campaign’s ideas are scored against: its own set, else the default.',
    ok: CriteriaSetDto,
    errors: ['campaign_not_found'],
    errorText: { 404: CAMPAIGN_NOT_FOUND },
  })
  getForCampaign(@CallOn() call: CallOn): Promise<CriteriaSetDto> {
    return this.criteria.getForCampaign(call.actor, call.id);
  }

  @Put()
  @Endpoint(MANAGE_CAMPAIGN_CRITERIA, {
    operationId: 'saveCampaignCriteriaSet',
    summary: 'Give the campaign its own criteria set (a copy of the default to edit); whoever manages the campaign.',
    ok: CriteriaSetDto,
    errors: ['validation_failed', 'stale_version'],
    errorText: { 400: INVALID, 409: '`stale_version`.' },
  })
  saveForCampaign(@CallOn() call: CallOn, @Body() input: CriteriaSetInput): Promise<CriteriaSetDto> {
    return this.criteria.saveForCampaign(call.actor, call.id, input, call.requestId);
  }

  @Delete()
  @Endpoint(MANAGE_CAMPAIGN_CRITERIA, {
    operationId: 'resetCampaignCriteriaSet',
    summary: 'The campaign goes back to the organisation’s default criteria set.',
    ok: CriteriaSetDto,
  })
  reset(@CallOn() call: CallOn): Promise<CriteriaSetDto> {
    return this.criteria.resetCampaign(call.actor, call.id, call.requestId);
  }
}
