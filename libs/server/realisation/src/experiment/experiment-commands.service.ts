import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Conflict,
  recordOutcome,
  validateExperimentDates,
  validateHypothesis,
  validateMeasure,
  ValidationFailed,
  type Actor,
  type FieldProblem,
  type OutcomeEffect,
  type OutcomeInput as DomainOutcome,
} from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess, type NewIdeaEvent } from '@eclore/server-ideas';
import { loadTeamContext, TeamRepository } from '../team';
import { dayDate } from './clock';
import type {
  CreateExperimentInput,
  ExperimentViewDto,
  OutcomeInput,
  ProtocolInput,
  UpdateExperimentInput,
} from './experiment.dto';
import { assertRunning, authoriseOnExperiment, refuseIf, within, type ExperimentDeps } from './experiment-guard';
import { ExperimentQueries } from './experiment-queries.service';
import { ExperimentRepository } from './experiment.repository';
import { ExperimentReminders } from './experiment-reminders.service';

/**
 * The experiment's commands: create (protocol, first hypothesis, measures), edit the protocol while
 * it runs, record its outcome. Validated asks the committee (the idea may go on an agenda for
 * decide_implement), pivot replaces the hypothesis and keeps the old one, stopped runs the idea's
 * `stop` with the learnings in the same transaction.
 */
@Injectable()
export class ExperimentCommands {
  private readonly deps: ExperimentDeps;

  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly team: TeamRepository,
    private readonly repo: ExperimentRepository,
    private readonly queries: ExperimentQueries,
    private readonly reminders: ExperimentReminders,
  ) {
    this.deps = { ideas, access, team, repo };
  }

  async create(actor: Actor, ideaId: string, input: CreateExperimentInput): Promise<ExperimentViewDto> {
    await this.ds.transaction(async (m) => {
      const ctx = await loadTeamContext(this.ideas, this.team, m, actor, ideaId, { lock: true });
      this.access.assert(actor, 'experiment.write', ctx.facts);
      if (ctx.loaded.idea.status !== 'prototype')
        throw new Conflict('not_in_prototype', 'An experiment is run on an idea the committee decided to prototype.');
      if (await this.repo.ofIdea(ideaId, m))
        throw new Conflict('experiment_exists', 'This idea already has its experiment.');
      refuseIf([...protocolProblems(input), ...within('hypothesis', validateHypothesis(input.hypothesis))]);
      const experimentId = await this.repo.insert(
        { ideaId, createdBy: actor.personId, ...protocolOf(input) },
        trimmed(input.hypothesis),
        input.measures,
        m,
      );
      await this.record(m, actor, 'experiment.created', ideaId, { experimentId });
      // The hypothesis is readable with the experiment, so its setting is public like it; no content.
      await appendIdeaEvents(m, [
        { ideaId, type: 'hypothesis_set', actorId: actor.personId, public: true, data: { experimentId, version: 1 } },
      ]);
    });
    await this.reminders.sync(ideaId);
    return this.queries.view(actor, ideaId);
  }

  async update(actor: Actor, ideaId: string, input: UpdateExperimentInput): Promise<ExperimentViewDto> {
    await this.ds.transaction(async (m) => {
      const { experiment } = await authoriseOnExperiment(this.deps, m, actor, ideaId, 'experiment.write');
      assertRunning(experiment);
      refuseIf(protocolProblems(input));
      if (!(await this.repo.updateProtocol(experiment.id, input.version, protocolOf(input), m)))
        throw new Conflict('stale_version', 'The experiment was changed by someone else meanwhile; reload it.');
      await this.repo.replaceMeasures(experiment.id, input.measures, m);
      await this.record(m, actor, 'experiment.updated', ideaId, { experimentId: experiment.id });
    });
    // The end date may have moved: the reminders follow it.
    await this.reminders.sync(ideaId);
    return this.queries.view(actor, ideaId);
  }

  async recordOutcome(actor: Actor, ideaId: string, input: OutcomeInput): Promise<ExperimentViewDto> {
    const outcome = toDomainOutcome(input);
    if (outcome.outcome === 'stopped') {
      // The lifecycle's `stop` (idea team or committee) with the learnings; the experiment in its transaction.
      await this.ideas.runCommand(
        actor,
        ideaId,
        { type: 'stop', learnings: outcome.learnings },
        { effects: (m) => this.apply(m, actor, ideaId, outcome) },
      );
    } else {
      await this.ds.transaction((m) => this.apply(m, actor, ideaId, outcome));
    }
    await this.reminders.sync(ideaId);
    return this.queries.view(actor, ideaId);
  }

  private async apply(m: EntityManager, actor: Actor, ideaId: string, input: DomainOutcome): Promise<void> {
    const { ctx, experiment } = await authoriseOnExperiment(this.deps, m, actor, ideaId, 'experiment.record_outcome');
    const current = await this.repo.currentHypothesis(experiment.id, m);
    const effect = recordOutcome(experiment.status, current?.version ?? 1, input);
    if (!effect.ok && effect.reason === 'not_running') assertRunning(experiment);
    if (!effect.ok) throw new ValidationFailed(effect.reason === 'invalid' ? effect.problems : []);
    // The contribution ledger credits the team lead of the time with the experiment (experiment_lead).
    const lead = ctx.rows.find((r) => r.role === 'lead')?.personId;
    const told = await this.applyEffect(m, actor, experiment.id, effect, input, lead);
    await appendIdeaEvents(m, [{ ideaId, actorId: actor.personId, ...told.event }]);
    await this.record(m, actor, `experiment.${input.outcome}`, ideaId, {
      experimentId: experiment.id,
      outcome: input.outcome,
      ...told.audit,
    });
  }

  /** Writes the outcome's effect; answers the idea event that tells it and what the audit entry adds. */
  private async applyEffect(
    m: EntityManager,
    actor: Actor,
    experimentId: string,
    effect: Extract<OutcomeEffect, { ok: true }>,
    input: DomainOutcome,
    lead: string | undefined,
  ): Promise<{ event: Pick<NewIdeaEvent, 'type' | 'public' | 'data'>; audit?: Record<string, unknown> }> {
    const leadData = lead ? { personId: lead } : {};
    switch (effect.effect) {
      case 'ask_committee_for_implement': {
        const learnings = learningsOf(input);
        await this.repo.setOutcome(experimentId, 'validated', learnings, m);
        // The network and the committee see it on the idea; the committee puts it on an agenda.
        const data = { experimentId, ...leadData, ...(learnings ? { learnings } : {}) };
        return { event: { type: 'experiment_validated', public: false, data } };
      }
      case 'new_hypothesis': {
        const reason = (input as { reason: string }).reason.trim();
        const version = effect.supersededVersion + 1;
        await this.repo.pivot(
          experimentId,
          effect.supersededVersion,
          { ...trimmed(effect.newHypothesis), pivotReason: reason, createdBy: actor.personId },
          m,
        );
        // Public like the hypothesis it replaces (which stays visible); the reason is the timeline's text.
        return {
          event: { type: 'experiment_pivot', public: true, data: { experimentId, version, reason } },
          audit: { hypothesisVersion: version },
        };
      }
      case 'stop_idea':
        await this.repo.setOutcome(experimentId, 'stopped', effect.command.learnings, m);
        // The lifecycle's `stop` tells the timeline; this one names the lead for the ledger only.
        return { event: { type: 'experiment_stopped', public: false, data: { experimentId, ...leadData } } };
    }
  }

  private record(m: EntityManager, actor: Actor, action: string, ideaId: string, data: Record<string, unknown>) {
    return this.audit.append(m, { actorId: actor.personId, action, subjectType: 'idea', subjectId: ideaId, data });
  }
}

function protocolOf(input: ProtocolInput) {
  return {
    whatIsTried: input.whatIsTried.trim(),
    whereTried: input.whereTried.trim(),
    withWhom: input.withWhom.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
}

function protocolProblems(input: ProtocolInput): FieldProblem[] {
  return [
    ...validateExperimentDates(dayDate(input.startsOn), dayDate(input.endsOn)),
    ...input.measures.flatMap((measure, i) => within(`measures.${i}`, validateMeasure(measure))),
  ];
}

function trimmed(h: { change: string; audience: string; expectedResult: string }) {
  return { change: h.change.trim(), audience: h.audience.trim(), expectedResult: h.expectedResult.trim() };
}

function learningsOf(input: DomainOutcome): string | null {
  return input.outcome === 'validated' && input.learnings?.trim() ? input.learnings.trim() : null;
}

/** The body as the domain's tagged input; a missing part is the domain's `required` on that field. */
function toDomainOutcome(input: OutcomeInput): DomainOutcome {
  switch (input.outcome) {
    case 'validated':
      return { outcome: 'validated', ...(input.learnings !== undefined ? { learnings: input.learnings } : {}) };
    case 'pivot': {
      if (!input.newHypothesis)
        throw new ValidationFailed([
          { field: 'newHypothesis', code: 'required', message: 'newHypothesis is required.' },
        ]);
      return { outcome: 'pivot', newHypothesis: input.newHypothesis, reason: input.reason ?? '' };
    }
    case 'stopped':
      if (!input.learnings?.trim())
        throw new ValidationFailed([{ field: 'learnings', code: 'required', message: 'learnings is required.' }]);
      return { outcome: 'stopped', learnings: input.learnings.trim() };
  }
}
