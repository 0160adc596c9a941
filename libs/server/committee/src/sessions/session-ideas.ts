import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AGENDA_STATUSES, type Actor } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { IdeaAccess, ideasByIds, ideasInStatuses, type Idea, type LoadedIdea } from '@eclore/server-ideas';
import { ideasWithValidatedExperiment } from '@eclore/server-realisation';
import { scorecardsOf } from './scorecards';
import { SessionsRepository } from './sessions.repository';
import type { ScorecardSummaryDto } from './sessions.dto';

/** How many qualified ideas the suggestions and the prioritisation look at (a committee's backlog). */
const CANDIDATE_LIMIT = 200;

/**
 * The ideas a session deals with, always loaded for the person asking (through IdeaAccess, so an
 * anonymous author never reaches a committee screen), and the scope checks on them.
 */
@Injectable()
export class SessionIdeas {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: SessionsRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
  ) {}

  /** These ideas as loaded for the actor, by id. */
  async load(manager: EntityManager, ids: readonly string[], actor: Actor): Promise<Map<string, LoadedIdea>> {
    if (ids.length === 0) return new Map();
    const rows = await ideasByIds(manager, ids);
    return new Map((await this.ideas.complete(manager, rows, actor)).map((l) => [l.idea.id, l]));
  }

  /**
   * Session-wide changes (reschedule, start, close, reorder) act on every idea of its agenda: the
   * actor's committee scope must cover each of them, as it must to add or remove one.
   */
  async assertManagesAgenda(manager: EntityManager, actor: Actor, sessionId: string): Promise<void> {
    const items = await this.repo.items(sessionId, manager);
    const loaded = await this.load(
      manager,
      items.map((i) => i.ideaId),
      actor,
    );
    for (const idea of loaded.values()) this.access.assert(actor, 'committee.manage', { target: idea.viewer.target });
  }

  /** Qualified ideas within the actor's scope (without those on an open agenda when asked), oldest answer first. */
  async qualified(actor: Actor, options: { excludeOnOpenAgenda: boolean }): Promise<LoadedIdea[]> {
    const manager = this.ds.manager;
    const excludeIds = options.excludeOnOpenAgenda ? await this.repo.ideaIdsOnOpenAgenda(manager) : [];
    const rows = await ideasInStatuses(manager, AGENDA_STATUSES, { excludeIds, limit: CANDIDATE_LIMIT });
    return this.managedBy(manager, actor, rows);
  }

  /**
   * Prototypes whose experiment is validated, on no open agenda: they come back to the committee for
   * decide_implement (adding one attaches the experiment's evidence to its agenda item).
   */
  async validatedPrototypes(actor: Actor): Promise<LoadedIdea[]> {
    const manager = this.ds.manager;
    const excludeIds = await this.repo.ideaIdsOnOpenAgenda(manager);
    const prototypes = await ideasInStatuses(manager, ['prototype'], { excludeIds, limit: CANDIDATE_LIMIT });
    const validated = await ideasWithValidatedExperiment(
      manager,
      prototypes.map((p) => p.id),
    );
    return this.managedBy(
      manager,
      actor,
      prototypes.filter((p) => validated.has(p.id)),
    );
  }

  /** These ideas as loaded for the actor, keeping those they may read and whose committee scope covers them. */
  private async managedBy(manager: EntityManager, actor: Actor, rows: Idea[]): Promise<LoadedIdea[]> {
    const loaded = await this.ideas.complete(manager, rows, actor);
    return loaded.filter(
      (l) => this.ideas.canRead(l) && this.access.can(actor, 'committee.manage', { target: l.viewer.target }),
    );
  }

  /**
   * The consolidated scorecards of these ideas that this person may read (qualification's policy:
   * in scope, and never on an idea they authored — the reviews are the network's working papers).
   */
  async scores(actor: Actor, ideas: readonly LoadedIdea[]): Promise<Map<string, ScorecardSummaryDto>> {
    const allowed = ideas.filter((l) =>
      this.access.can(actor, 'qualification.read_scores', {
        target: l.viewer.target,
        isAuthor: l.viewer.isAuthor,
      }),
    );
    return scorecardsOf(
      this.ds.manager,
      allowed.map((l) => l.idea.id),
    );
  }
}
