import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canEditLogEntry,
  Conflict,
  Forbidden,
  NotFound,
  validateLogEntry,
  ValidationFailed,
  type Actor,
} from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess } from '@eclore/server-ideas';
import { plainText, sanitizeRichText } from '@eclore/server-platform';
import { TeamRepository } from '../team';
import { dayDate, REALISATION_CLOCK, systemClock, type RealisationClock } from './clock';
import type { ExperimentViewDto, LogEntryInput } from './experiment.dto';
import { assertRunning, authoriseOnExperiment, refuseIf, type ExperimentDeps } from './experiment-guard';
import { ExperimentQueries } from './experiment-queries.service';
import { ExperimentRepository } from './experiment.repository';

/**
 * The journal de bord: team members write dated entries (sanitised rich text, photos and files
 * uploaded to the idea through its attachment checks); the writer corrects an entry for 24 hours,
 * then it is append-only (domain log-book.ts).
 */
@Injectable()
export class LogBookService {
  private readonly deps: ExperimentDeps;
  private readonly clock: RealisationClock;

  constructor(
    private readonly ds: DataSource,
    ideas: IdeaAccess,
    access: AccessService,
    team: TeamRepository,
    private readonly repo: ExperimentRepository,
    private readonly audit: AuditService,
    private readonly queries: ExperimentQueries,
    @Optional() @Inject(REALISATION_CLOCK) clock?: RealisationClock,
  ) {
    this.deps = { ideas, access, team, repo };
    this.clock = clock ?? systemClock;
  }

  async add(actor: Actor, ideaId: string, input: LogEntryInput): Promise<ExperimentViewDto> {
    await this.ds.transaction(async (m) => {
      const { experiment } = await authoriseOnExperiment(this.deps, m, actor, ideaId, 'experiment.write');
      assertRunning(experiment);
      const body = this.checked(input, experiment.startsOn);
      await this.checkAttachments(m, ideaId, input.attachmentIds ?? []);
      const hypothesis = await this.repo.currentHypothesis(experiment.id, m);
      const entryId = await this.repo.insertEntry(
        {
          experimentId: experiment.id,
          hypothesisId: hypothesis!.id,
          writerId: actor.personId,
          bodyHtml: body,
          occurredOn: input.occurredOn,
        },
        m,
      );
      await this.repo.setEntryAttachments(entryId, input.attachmentIds ?? [], m);
      await this.record(m, actor, 'experiment.log_entry_added', ideaId, { entryId });
      // The timeline counts the log book's entries; their content stays on the experiment page.
      await appendIdeaEvents(m, [
        {
          ideaId,
          type: 'log_entry_written',
          actorId: actor.personId,
          public: true,
          data: { experimentId: experiment.id, entryId },
        },
      ]);
    });
    return this.queries.view(actor, ideaId);
  }

  async edit(actor: Actor, ideaId: string, entryId: string, input: LogEntryInput): Promise<ExperimentViewDto> {
    await this.ds.transaction(async (m) => {
      const { experiment } = await authoriseOnExperiment(this.deps, m, actor, ideaId, 'experiment.write');
      const entry = await this.repo.entry(experiment.id, entryId, m);
      if (!entry) throw new NotFound('log_entry', entryId);
      assertRunning(experiment);
      const now = this.clock.now();
      const check = canEditLogEntry(entry, actor.personId, now);
      if (!check.ok && check.reason === 'not_writer')
        throw new Forbidden('not_log_entry_writer', 'Only its writer corrects an entry.');
      if (!check.ok)
        throw new Conflict('edit_window_closed', 'An entry is corrected within 24 hours; add a new entry instead.');
      const body = this.checked(input, experiment.startsOn);
      await this.checkAttachments(m, ideaId, input.attachmentIds ?? []);
      await this.repo.updateEntry(entryId, { bodyHtml: body, occurredOn: input.occurredOn, editedAt: now }, m);
      await this.repo.setEntryAttachments(entryId, input.attachmentIds ?? [], m);
      await this.record(m, actor, 'experiment.log_entry_edited', ideaId, { entryId });
    });
    return this.queries.view(actor, ideaId);
  }

  /** Sanitises the body and checks it and the day with the domain; answers the body to store. */
  private checked(input: LogEntryInput, startsOn: string): string {
    const body = sanitizeRichText(input.bodyHtml);
    const text = plainText(body).trim();
    refuseIf(
      validateLogEntry(
        { body: text === '' ? '' : body, occurredOn: dayDate(input.occurredOn) },
        dayDate(startsOn),
        this.clock.now(),
      ).map((p) => (p.field === 'body' ? { ...p, field: 'bodyHtml' } : p)),
    );
    return body;
  }

  /** Only the idea's own attachments (uploaded through its checks) may be linked. */
  private async checkAttachments(m: EntityManager, ideaId: string, ids: readonly string[]): Promise<void> {
    const known = await this.repo.ideaAttachmentIds(ideaId, ids, m);
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0)
      throw new ValidationFailed([
        { field: `attachmentIds.${unknown}`, code: 'attachment_not_found', message: 'Not an attachment of this idea.' },
      ]);
  }

  private record(m: EntityManager, actor: Actor, action: string, ideaId: string, data: Record<string, unknown>) {
    return this.audit.append(m, { actorId: actor.personId, action, subjectType: 'idea', subjectId: ideaId, data });
  }
}
