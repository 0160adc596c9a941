import { Body, Get, Param, Post, Put } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import {
  CreateExperimentInput,
  ExperimentViewDto,
  LogEntryInput,
  LogEntryParams,
  OutcomeInput,
  UpdateExperimentInput,
} from './experiment.dto';
import { ExperimentCommands } from './experiment-commands.service';
import { ExperimentQueries } from './experiment-queries.service';
import { LogBookService } from './log-book.service';

/** The experiment's writes: by a team member or the network, on an idea that exists. */
const WRITE: EndpointPreset = {
  permission: { action: 'experiment.write', objectLevel: true },
  errors: ['validation_failed', 'not_idea_team', 'idea_not_found'],
};

@ApiController('realisation', 'ideas/:id/experiment')
export class ExperimentController {
  constructor(
    private readonly queries: ExperimentQueries,
    private readonly commands: ExperimentCommands,
    private readonly logBook: LogBookService,
  ) {}

  @Get()
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'getExperiment',
    summary: 'The idea’s experiment (null before it is set up) with its hypotheses, measures and log book.',
    ok: ExperimentViewDto,
    errors: ['idea_not_found'],
  })
  get(@CallOn() call: CallOn): Promise<ExperimentViewDto> {
    return this.queries.view(call.actor, call.id);
  }

  @Post()
  @Endpoint(WRITE, {
    operationId: 'createExperiment',
    summary: 'Sets up the experiment: protocol, first hypothesis, measures (a team member or the network).',
    ok: ExperimentViewDto,
    status: 201,
    errors: ['not_in_prototype', 'experiment_exists'],
  })
  create(@CallOn() call: CallOn, @Body() input: CreateExperimentInput): Promise<ExperimentViewDto> {
    return this.commands.create(call.actor, call.id, input);
  }

  @Put()
  @Endpoint(WRITE, {
    operationId: 'updateExperiment',
    summary: 'Edits the protocol and measures while the experiment runs (the end-date reminders follow).',
    ok: ExperimentViewDto,
    errors: ['stale_version', 'experiment_not_running', 'experiment_not_found'],
  })
  update(@CallOn() call: CallOn, @Body() input: UpdateExperimentInput): Promise<ExperimentViewDto> {
    return this.commands.update(call.actor, call.id, input);
  }

  @Post('log-entries')
  @Endpoint(WRITE, {
    operationId: 'addLogEntry',
    summary: 'Writes a dated log book entry (rich text; photos and files already uploaded to the idea).',
    ok: ExperimentViewDto,
    status: 201,
    errors: ['experiment_not_running', 'experiment_not_found'],
  })
  addEntry(@CallOn() call: CallOn, @Body() input: LogEntryInput): Promise<ExperimentViewDto> {
    return this.logBook.add(call.actor, call.id, input);
  }

  @Put('log-entries/:entryId')
  @Endpoint(WRITE, {
    operationId: 'editLogEntry',
    summary: 'Corrects one’s own entry within 24 hours of writing it; afterwards the log book is append-only.',
    ok: ExperimentViewDto,
    // not_idea_team listed here too: the 403 answer names it before not_log_entry_writer.
    errors: [
      'not_idea_team',
      'not_log_entry_writer',
      'edit_window_closed',
      'experiment_not_running',
      'log_entry_not_found',
      'experiment_not_found',
    ],
  })
  editEntry(
    @CurrentActor() actor: Actor,
    @Param() params: LogEntryParams,
    @Body() input: LogEntryInput,
  ): Promise<ExperimentViewDto> {
    return this.logBook.edit(actor, params.id, params.entryId, input);
  }

  @Post('outcome')
  @Endpoint({
    permission: { action: 'experiment.record_outcome', objectLevel: true },
    operationId: 'recordExperimentOutcome',
    summary:
      'Records the outcome (the lead or the network): validated (the committee may decide implement), ' +
      'pivot (a new hypothesis, the old one kept) or stopped (the idea stops; its learnings stay public).',
    ok: ExperimentViewDto,
    errors: [
      'validation_failed',
      'not_idea_team',
      'experiment_not_running',
      'experiment_not_found',
      'idea_not_found',
      'transition_not_allowed',
    ],
  })
  outcome(@CallOn() call: CallOn, @Body() input: OutcomeInput): Promise<ExperimentViewDto> {
    return this.commands.recordOutcome(call.actor, call.id, input);
  }
}
