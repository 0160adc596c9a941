import { readsOn } from '@eclore/server-platform';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canEditLogEntry, decide, logEntryEditableUntil, type Actor } from '@eclore/domain';
import { AccessService, peopleMap } from '@eclore/server-identity';
import { IdeaAccess } from '@eclore/server-ideas';
import type { Experiment } from '../entities';
import { loadTeamContext, showPerson, TeamRepository, type TeamContext } from '../team';
import { REALISATION_CLOCK, systemClock, type RealisationClock } from './clock';
import type { ExperimentDto, ExperimentViewDto } from './experiment.dto';
import { ExperimentRepository } from './experiment.repository';

/** The experiment page: protocol, hypothesis history, measures and the log book in reading order. */
@Injectable()
export class ExperimentQueries {
  private readonly clock: RealisationClock;

  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly team: TeamRepository,
    private readonly repo: ExperimentRepository,
    @Optional() @Inject(REALISATION_CLOCK) clock?: RealisationClock,
  ) {
    this.clock = clock ?? systemClock;
  }

  async view(actor: Actor, ideaId: string, manager: EntityManager = this.ds.manager): Promise<ExperimentViewDto> {
    const ctx = await loadTeamContext(this.ideas, this.team, manager, actor, ideaId);
    this.access.assert(actor, 'realisation.read', ctx.facts);
    const experiment = await this.repo.ofIdea(ideaId, manager);
    return {
      experiment: experiment ? await this.present(manager, ctx, experiment, actor) : null,
      viewer: {
        canWrite: decide(actor, 'experiment.write', ctx.facts).allowed,
        canRecordOutcome: decide(actor, 'experiment.record_outcome', ctx.facts).allowed,
      },
    };
  }

  private async present(manager: EntityManager, ctx: TeamContext, e: Experiment, actor: Actor): Promise<ExperimentDto> {
    const [hypotheses, measures, entries] = await readsOn(manager, [
      () => this.repo.hypotheses(e.id, manager),
      () => this.repo.measures(e.id, manager),
      () => this.repo.entries(e.id, manager),
    ]);
    const attachments = await this.repo.entryAttachments(
      entries.map((x) => x.id),
      manager,
    );
    const people = await peopleMap(manager, [...new Set(entries.map((x) => x.writerId))]);
    const versionOf = new Map(hypotheses.map((h) => [h.id, h.version]));
    const now = this.clock.now();
    return {
      id: e.id,
      ideaId: e.ideaId,
      status: e.status,
      whatIsTried: e.whatIsTried,
      whereTried: e.whereTried,
      withWhom: e.withWhom,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      learnings: e.learnings,
      outcomeAt: e.outcomeAt?.toISOString() ?? null,
      version: e.version,
      hypotheses: hypotheses.map((h) => ({
        version: h.version,
        change: h.change,
        audience: h.audience,
        expectedResult: h.expectedResult,
        pivotReason: h.pivotReason,
        current: h.supersededAt === null,
        createdAt: h.createdAt.toISOString(),
        supersededAt: h.supersededAt?.toISOString() ?? null,
      })),
      measures: measures.map((m) => ({ label: m.label, unit: m.unit, target: Number(m.target) })),
      logEntries: entries.map((x) => ({
        id: x.id,
        hypothesisVersion: versionOf.get(x.hypothesisId) ?? 1,
        writer: showPerson(ctx.loaded, x.writerId, actor.personId, people),
        bodyHtml: x.bodyHtml,
        occurredOn: x.occurredOn,
        createdAt: x.createdAt.toISOString(),
        editedAt: x.editedAt?.toISOString() ?? null,
        editableUntil: logEntryEditableUntil(x).toISOString(),
        canEdit: e.status === 'running' && canEditLogEntry(x, actor.personId, now).ok,
        attachments: attachments
          .filter((a) => a.logEntryId === x.id)
          .map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType })),
      })),
    };
  }
}
