import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
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
import { IdParamDto } from '@eclore/server-ideas';
import { CriteriaSetDto, CriteriaSetInput } from './criteria.dto';
import { CriteriaService } from './criteria.service';

const INVALID = '`validation_failed` naming each field (`criteria.2.weight`, `criteria.0.levels.4.en`…).';

@ApiTags('qualification')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller()
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get('criteria-sets/default')
  @RequirePermission('criteria.read')
  @ApiOperation({
    operationId: 'getDefaultCriteriaSet',
    summary: 'The organisation’s default criteria set (network, committee, admins).',
  })
  @ApiOkResponse({ type: CriteriaSetDto })
  @ApiForbiddenResponse({ description: '`role_required`.' })
  getDefault(@CurrentActor() actor: Actor): Promise<CriteriaSetDto> {
    return this.criteria.getDefault(actor);
  }

  @Put('criteria-sets/default')
  @RequirePermission('criteria.manage', { objectLevel: true })
  @ApiOperation({
    operationId: 'saveDefaultCriteriaSet',
    summary: 'Replace the organisation’s default criteria set (admins, organisation-wide network members).',
  })
  @ApiOkResponse({ type: CriteriaSetDto })
  @ApiBadRequestResponse({ description: INVALID })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope` (a network member scoped to a unit).' })
  @ApiConflictResponse({ description: '`stale_version`.' })
  saveDefault(
    @CurrentActor() actor: Actor,
    @Body() input: CriteriaSetInput,
    @RequestId() requestId: string | null,
  ): Promise<CriteriaSetDto> {
    return this.criteria.saveDefault(actor, input, requestId);
  }

  @Get('campaigns/:id/criteria-set')
  @RequirePermission('criteria.read')
  @ApiOperation({
    operationId: 'getCampaignCriteriaSet',
    summary: 'The criteria the campaign’s ideas are scored against: its own set, else the default.',
  })
  @ApiOkResponse({ type: CriteriaSetDto })
  @ApiNotFoundResponse({ description: '`campaign_not_found`.' })
  getForCampaign(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<CriteriaSetDto> {
    return this.criteria.getForCampaign(actor, params.id);
  }

  @Put('campaigns/:id/criteria-set')
  @RequirePermission('criteria.manage', { objectLevel: true })
  @ApiOperation({
    operationId: 'saveCampaignCriteriaSet',
    summary: 'Give the campaign its own criteria set (a copy of the default to edit); whoever manages the campaign.',
  })
  @ApiOkResponse({ type: CriteriaSetDto })
  @ApiBadRequestResponse({ description: INVALID })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiConflictResponse({ description: '`stale_version`.' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`.' })
  saveForCampaign(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: CriteriaSetInput,
    @RequestId() requestId: string | null,
  ): Promise<CriteriaSetDto> {
    return this.criteria.saveForCampaign(actor, params.id, input, requestId);
  }

  @Delete('campaigns/:id/criteria-set')
  @RequirePermission('criteria.manage', { objectLevel: true })
  @ApiOperation({
    operationId: 'resetCampaignCriteriaSet',
    summary: 'The campaign goes back to the organisation’s default criteria set.',
  })
  @ApiOkResponse({ type: CriteriaSetDto })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiNotFoundResponse({ description: '`campaign_not_found`.' })
  reset(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @RequestId() requestId: string | null,
  ): Promise<CriteriaSetDto> {
    return this.criteria.resetCampaign(actor, params.id, requestId);
  }
}
