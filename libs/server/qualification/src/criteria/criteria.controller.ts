import { Body, Delete, Get, Param, Put } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, IdParamDto, RequestId } from '@eclore/server-platform';
import { CriteriaSetDto, CriteriaSetInput } from './criteria.dto';
import { CriteriaService } from './criteria.service';

const INVALID = '`validation_failed` naming each field (`criteria.2.weight`, `criteria.0.levels.4.en`…).';
const FORBIDDEN = '`role_required`, `out_of_scope`.';
const CAMPAIGN_NOT_FOUND = '`campaign_not_found`.';

/** The organisation's default criteria set. */
@ApiController('qualification', 'criteria-sets/default')
export class DefaultCriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @Endpoint({
    permission: 'criteria.read',
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
  @Endpoint({
    permission: { action: 'criteria.manage', objectLevel: true },
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
  saveDefault(
    @CurrentActor() actor: Actor,
    @Body() input: CriteriaSetInput,
    @RequestId() requestId: string | null,
  ): Promise<CriteriaSetDto> {
    return this.criteria.saveDefault(actor, input, requestId);
  }
}

/** A campaign's own criteria set (a copy of the default to edit). */
@ApiController('qualification', 'campaigns/:id/criteria-set')
export class CampaignCriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @Endpoint({
    permission: 'criteria.read',
    operationId: 'getCampaignCriteriaSet',
    summary: 'The criteria the campaign’s ideas are scored against: its own set, else the default.',
    ok: CriteriaSetDto,
    errors: ['campaign_not_found'],
    errorText: { 404: CAMPAIGN_NOT_FOUND },
  })
  getForCampaign(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<CriteriaSetDto> {
    return this.criteria.getForCampaign(actor, params.id);
  }

  @Put()
  @Endpoint({
    permission: { action: 'criteria.manage', objectLevel: true },
    operationId: 'saveCampaignCriteriaSet',
    summary: 'Give the campaign its own criteria set (a copy of the default to edit); whoever manages the campaign.',
    ok: CriteriaSetDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope', 'stale_version', 'campaign_not_found'],
    errorText: { 400: INVALID, 403: FORBIDDEN, 409: '`stale_version`.', 404: CAMPAIGN_NOT_FOUND },
  })
  saveForCampaign(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: CriteriaSetInput,
    @RequestId() requestId: string | null,
  ): Promise<CriteriaSetDto> {
    return this.criteria.saveForCampaign(actor, params.id, input, requestId);
  }

  @Delete()
  @Endpoint({
    permission: { action: 'criteria.manage', objectLevel: true },
    operationId: 'resetCampaignCriteriaSet',
    summary: 'The campaign goes back to the organisation’s default criteria set.',
    ok: CriteriaSetDto,
    errors: ['role_required', 'out_of_scope', 'campaign_not_found'],
    errorText: { 403: FORBIDDEN, 404: CAMPAIGN_NOT_FOUND },
  })
  reset(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @RequestId() requestId: string | null,
  ): Promise<CriteriaSetDto> {
    return this.criteria.resetCampaign(actor, params.id, requestId);
  }
}
