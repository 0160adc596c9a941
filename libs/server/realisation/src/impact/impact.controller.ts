import { Body, Delete, Get, Post, Put, Query } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import {
  IdeaImpactDto,
  ImpactCreatedDto,
  ImpactRollupDto,
  IndicatorInput,
  IndicatorUpdateInput,
  MeasurementInputDto,
  RollupQuery,
} from './impact.dto';
import { ImpactCommandsService } from './impact-commands.service';
import { ImpactQueriesService } from './impact-queries.service';

const RECORD_FORBIDDEN = '`not_idea_team` (the project’s owner, the idea’s team or the network in scope).';
/** Recording: indicators and measurements, by the project's owner, the idea's team or the network in scope. */
const RECORD: EndpointPreset = {
  permission: { action: 'impact.record', objectLevel: true },
  errors: ['not_idea_team'],
  errorText: { 403: RECORD_FORBIDDEN },
};
const INDICATOR_INVALID =
  '`validation_failed` naming `category`, `label`, `unit`, `baseline`, `projectedValue` (out_of_range: bounds per category) or `projectedOn`.';

/** An idea's impact: its projects' indicators, measurements and totals, with its replications. */
@ApiController('impact', 'ideas/:id/impact')
export class IdeaImpactController {
  constructor(private readonly queries: ImpactQueriesService) {}

  @Get()
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'getIdeaImpact',
    summary:
      'The idea’s impact indicators (projected vs actual), its totals and its totals with its replications. Validated figures for whoever reads the idea; unvalidated measurements for the owner, the team and the network in scope.',
    ok: IdeaImpactDto,
    errors: ['idea_not_found'],
  })
  get(@CallOn() call: CallOn): Promise<IdeaImpactDto> {
    return this.queries.ideaImpact(call.actor, call.id);
  }
}

/** Indicators, measurements, validation and roll-ups (docs/realisation.md §4). */
@ApiController('impact', 'impact')
export class ImpactController {
  constructor(
    private readonly commands: ImpactCommandsService,
    private readonly queries: ImpactQueriesService,
  ) {}

  @Post('projects/:id/indicators')
  @Endpoint(RECORD, {
    operationId: 'createImpactIndicator',
    summary: 'Define an impact indicator of an implementation project.',
    ok: ImpactCreatedDto,
    status: 201,
    errors: ['validation_failed', 'implementation_project_not_found'],
    errorText: { 400: INDICATOR_INVALID },
  })
  async create(@CallOn() call: CallOn, @Body() input: IndicatorInput): Promise<ImpactCreatedDto> {
    return { id: await this.commands.createIndicator(call.actor, call.id, input) };
  }

  @Put('indicators/:id')
  @Endpoint(RECORD, {
    operationId: 'updateImpactIndicator',
    summary: 'Edit an indicator, saying which version was read.',
    ok: 'noContent',
    errors: ['validation_failed', 'impact_indicator_not_found', 'stale_version', 'indicator_has_measurements'],
    errorText: {
      400: INDICATOR_INVALID,
      409: '`stale_version` (someone changed it meanwhile), `indicator_has_measurements` (category of a measured indicator).',
    },
  })
  update(@CallOn() call: CallOn, @Body() input: IndicatorUpdateInput): Promise<void> {
    return this.commands.updateIndicator(call.actor, call.id, input);
  }

  @Delete('indicators/:id')
  @Endpoint(RECORD, {
    operationId: 'deleteImpactIndicator',
    summary: 'Delete an indicator that has no measurement yet.',
    ok: 'noContent',
    errors: ['impact_indicator_not_found', 'indicator_has_measurements'],
  })
  remove(@CallOn() call: CallOn): Promise<void> {
    return this.commands.deleteIndicator(call.actor, call.id);
  }

  @Post('indicators/:id/measurements')
  @Endpoint(RECORD, {
    operationId: 'recordImpactMeasurement',
    summary: 'Record a measurement (the network in scope is asked to validate it).',
    ok: ImpactCreatedDto,
    status: 201,
    errors: ['validation_failed', 'impact_indicator_not_found'],
    errorText: {
      400: '`validation_failed` naming `value` (out_of_range), `measuredOn` (must_not_be_future, before_go_live, invalid_date), `source` or `confidence`.',
    },
  })
  async measure(@CallOn() call: CallOn, @Body() input: MeasurementInputDto): Promise<ImpactCreatedDto> {
    return { id: await this.commands.recordMeasurement(call.actor, call.id, input) };
  }

  @Post('measurements/:id/validate')
  @Endpoint({
    // Route level: network members only (the role); the handler then checks the scope on the idea.
    permission: 'impact.validate',
    operationId: 'validateImpactMeasurement',
    summary: 'Validate a measurement (a network member in scope who did not record it); it then counts as actual.',
    ok: 'noContent',
    errors: [
      'role_required',
      'out_of_scope',
      'own_measurement',
      'impact_measurement_not_found',
      'measurement_already_validated',
    ],
    errorText: { 403: '`role_required`, `out_of_scope`, `own_measurement` (the recorder never validates).' },
  })
  async validate(@CallOn() call: CallOn): Promise<void> {
    await this.commands.validate(call.actor, call.id);
  }

  @Get('rollups')
  @Endpoint({
    permission: 'impact.read_rollups',
    operationId: 'getImpactRollups',
    summary:
      'Projected vs actual per unit (with the units under it: the unit tree), campaign, year or idea, by category and unit, over what the reader’s scope covers (network, committee, HR, admins).',
    ok: ImpactRollupDto,
    errors: ['validation_failed', 'role_required'],
  })
  rollups(@CurrentActor() actor: Actor, @Query() query: RollupQuery): Promise<ImpactRollupDto> {
    return this.queries.rollups(actor, query);
  }
}
