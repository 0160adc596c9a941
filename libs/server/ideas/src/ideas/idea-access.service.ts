import { readsOn } from '@eclore/server-platform';
import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canReadIdea,
  Conflict,
  NotFound,
  systemContext,
  transition,
  type Actor,
  type IdeaActorContext,
  type IdeaCommand,
  type IdeaState,
  type SubmissionCheck,
  type TransitionResult,
} from '@eclore/domain';
import { findOrgUnits, findPeople } from '@eclore/server-identity';
import type { Idea, IdeaEvent } from '../entities';
import { appendIdeaEvents } from '../engagement/events';
import { presentIdea, toIdeaState, type IdeaAuthorView, type IdeaViewer } from './idea-presenter';
import type { IdeaDto } from './ideas.dto';
import { IdeaCommandHooks } from './idea-command-hooks';
import { IdeaRelations, type IdeaRelationFacts } from './idea-relations';
import { creditedContext, creditsOf } from './idea-credits';
import { IdeasRepository } from './ideas.repository';
import { ideaScopeTarget } from './idea.reads';

/** An idea with what every check and the presenter need: its authors, its place, the viewer. */
export interface LoadedIdea {
  idea: Idea;
  authors: IdeaAuthorView[];
  state: IdeaState;
  viewer: IdeaViewer;
  addressesProblemIds: string[];
  /** Person ids credited on the idea (author and accepted co-authors). */
  authorIds: string[];
  /** Whose identity is hidden from others on this idea (see IdeaCredits). */
  hiddenAuthorIds: Set<string>;
  /** The actor's relation where only credited authors count (supports, comments, merges, links). */
  credited: IdeaActorContext;
}

export class StaleVersion extends Conflict {
  constructor() {
    super('stale_version', 'The idea was changed by someone else meanwhile; reload it and try again.');
  }
}

type ExtraEffects = (
  manager: EntityManager,
  loaded: LoadedIdea,
  result: Extract<TransitionResult, { ok: true }>,
) => Promise<void>;

export interface RunCommandOptions {
  /** The version the caller read; a different current version answers 409 `stale_version`. */
  expectedVersion?: number;
  /** Checks the submission rules for `submit` (inside the transaction, on the locked row). */
  submissionCheck?: (manager: EntityManager, loaded: LoadedIdea) => Promise<SubmissionCheck>;
  /** Column changes beyond the lifecycle facts (e.g. the return reason as the authors' answer). */
  extraColumns?: (loaded: LoadedIdea, result: Extract<TransitionResult, { ok: true }>) => Partial<Idea>;
  /** More writes in the same transaction (audit, outbox, links...). */
  effects?: ExtraEffects;
}

/**
 * `extraColumns` for a command whose text is the authors' answer (a return at intake, a request for
 * rework): recorded and shown to them and the network, not public while the idea is back in their hands.
 */
export function answerForAuthors(
  detail: 'reason' | 'guidance',
  text: string,
): NonNullable<RunCommandOptions['extraColumns']> {
  return (_loaded, result) => ({
    answerText: result.event.details[detail] ?? text.trim(),
    answerGivenAt: result.event.at,
    answerPublishedAt: null,
  });
}

/**
 * Loading ideas for a person, object-level read checks, and the lifecycle command runner. Exported
 * for the other parts of the ideas context (wall, engagement, merge...): load → decide → present
 * through the same code.
 */
@Injectable()
export class IdeaAccess {
  // Built here, not injected: other contexts' tests and scripts build a bare IdeaAccess from a data source.
  private readonly repo: IdeasRepository;

  constructor(
    ds: DataSource,
    // Optional so a bare IdeaAccess (tests, scripts) runs commands without other contexts' hooks.
    @Optional() private readonly hooks: IdeaCommandHooks = new IdeaCommandHooks(),
    @Optional() private readonly relations: IdeaRelations = new IdeaRelations(),
  ) {
    this.repo = new IdeasRepository(ds);
  }

  /** Loads an idea (optionally locking its row) with its authors and the viewer's relation; 404 if absent. */
  async load(manager: EntityManager, id: string, actor: Actor, options: { lock?: boolean } = {}): Promise<LoadedIdea> {
    const loaded = await this.find(manager, id, actor, options);
    if (!loaded) throw new NotFound('idea', id);
    return loaded;
  }

  /** Like load, answering null for an absent idea (when absence is a field's problem, not the route's). */
  async find(
    manager: EntityManager,
    id: string,
    actor: Actor,
    options: { lock?: boolean } = {},
  ): Promise<LoadedIdea | null> {
    const idea = await this.repo.findById(id, options, manager);
    if (!idea) return null;
    const [loaded] = await this.complete(manager, [idea], actor);
    return loaded ?? null;
  }

  /** Loads an idea the actor may read; an idea they may not read is answered as absent (no existence leak). */
  async loadReadable(
    manager: EntityManager,
    id: string,
    actor: Actor,
    options: { lock?: boolean } = {},
  ): Promise<LoadedIdea> {
    const loaded = await this.load(manager, id, actor, options);
    if (!this.canRead(loaded)) throw new NotFound('idea', id);
    return loaded;
  }

  canRead(loaded: LoadedIdea): boolean {
    return canReadIdea(loaded.state, loaded.viewer).allowed || loaded.viewer.invited === true;
  }

  /** Adds authors, org unit, capturer, links and the viewer to loaded rows (batched for lists). */
  async complete(manager: EntityManager, ideas: readonly Idea[], actor: Actor): Promise<LoadedIdea[]> {
    if (ideas.length === 0) return [];
    const ids = ideas.map((i) => i.id);
    const unitIds = [...new Set(ideas.map((i) => i.orgUnitId).filter((u): u is string => u !== null))];
    const capturerIds = [...new Set(ideas.map((i) => i.capturedBy).filter((u): u is string => u !== null))];
    const [authorRows, units, capturers, links, relations] = await readsOn(manager, [
      () => this.repo.authorsWithPeople(ids, manager),
      () => findOrgUnits(manager, unitIds),
      () => findPeople(manager, capturerIds),
      () => this.repo.addressedProblems(ids, manager),
      () => this.relations.of(manager, ids, actor.personId),
    ]);
    const unitById = new Map(units.map((u) => [u.id, u]));
    const capturerById = new Map(capturers.map((p) => [p.id, p]));
    return ideas.map((idea) => {
      idea.orgUnit = idea.orgUnitId ? (unitById.get(idea.orgUnitId) ?? null) : null;
      idea.capturer = idea.capturedBy ? (capturerById.get(idea.capturedBy) ?? null) : null;
      const authors: IdeaAuthorView[] = authorRows
        .filter((a) => a.ideaId === idea.id)
        .sort((a, b) =>
          a.role === b.role ? a.invitedAt.getTime() - b.invitedAt.getTime() : a.role === 'author' ? -1 : 1,
        )
        .map((a) => ({
          personId: a.personId,
          role: a.role,
          status: a.status,
          givenName: a.person?.givenName ?? '',
          familyName: a.person?.familyName ?? '',
          anonymous: a.anonymous,
        }));
      const viewer = this.viewerFor(idea, authors, actor, relations);
      const credits = creditsOf(idea, authors);
      return {
        idea,
        authors,
        state: toIdeaState(idea),
        viewer,
        addressesProblemIds: links.filter((l) => l.fromId === idea.id).map((l) => l.toId),
        ...credits,
        credited: creditedContext(viewer, credits),
      };
    });
  }

  /** The actor's relation to the idea, in the idea policy's terms. */
  viewerFor(
    idea: Idea,
    authors: readonly IdeaAuthorView[],
    actor: Actor,
    relations: IdeaRelationFacts = { teamIdeaIds: new Set(), ownedIdeaIds: new Set() },
  ): IdeaViewer {
    const mine = authors.find((a) => a.personId === actor.personId);
    // The network member who captured an idea acts for its author (they typed the paper form).
    const isAuthor = mine?.status === 'accepted' || idea.capturedBy === actor.personId;
    return {
      actor,
      isAuthor,
      invited: mine?.status === 'invited',
      isIdeaTeamMember: relations.teamIdeaIds.has(idea.id),
      isImplementationOwner: relations.ownedIdeaIds.has(idea.id),
      target: { orgUnitPath: idea.orgUnit?.path ?? [], themes: idea.themes },
    };
  }

  present(loaded: LoadedIdea, overrides: Partial<IdeaViewer> = {}): IdeaDto {
    return presentIdea(
      loaded.idea,
      loaded.authors,
      { ...loaded.viewer, ...overrides },
      {
        addressesProblemIds: loaded.addressesProblemIds,
      },
    );
  }

  /** Reads an idea for the actor and presents it (GET endpoints, answers after a command). */
  async read(id: string, actor: Actor): Promise<IdeaDto> {
    return this.present(await this.loadReadable(this.repo.manager, id, actor));
  }

  /**
   * Runs one lifecycle command (validate → domain permission and state → ONE transaction: the row
   * with its version check, the idea_event, the caller's extra effects) and answers the idea as the
   * actor now sees it. Domain refusals surface as their typed errors (403/409/400 problem+json).
   */
  async runCommand(
    actor: Actor,
    id: string,
    command: IdeaCommand | ((loaded: LoadedIdea) => IdeaCommand),
    options: RunCommandOptions = {},
  ): Promise<IdeaDto> {
    await this.repo.transaction(async (manager) => {
      const loaded = await this.loadReadable(manager, id, actor, { lock: true });
      if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.idea.version)
        throw new StaleVersion();
      const cmd = typeof command === 'function' ? command(loaded) : command;
      const submissionCheck = options.submissionCheck ? await options.submissionCheck(manager, loaded) : undefined;
      const now = new Date();
      const result = transition(
        loaded.state,
        cmd,
        { ...loaded.viewer, ...(submissionCheck ? { submissionCheck } : {}) },
        now,
      );
      if (!result.ok) throw result.error;
      await this.applyTransition(
        manager,
        loaded.idea,
        result,
        options.extraColumns ? options.extraColumns(loaded, result) : {},
      );
      if (options.effects) await options.effects(manager, loaded, result);
    });
    return this.read(id, actor);
  }

  /**
   * Runs a lifecycle command as the system (the scheduler: resuming a parked idea once its date has
   * passed). The same transition table, row lock, version check, event and hooks as runCommand;
   * `applies` re-checks the state under the lock (a job that fires after things moved on does
   * nothing). Answers whether the command ran.
   */
  async runSystemCommand(
    id: string,
    command: IdeaCommand,
    now: Date,
    applies: (state: IdeaState) => boolean,
  ): Promise<boolean> {
    return this.repo.transaction(async (manager) => {
      const idea = await this.repo.findById(id, { lock: true }, manager);
      if (!idea) return false;
      const state = toIdeaState(idea);
      if (!applies(state)) return false;
      const target = (await ideaScopeTarget(manager, id)) ?? { orgUnitPath: [], themes: [] };
      const result = transition(state, command, systemContext(target), now);
      if (!result.ok) return false;
      await this.applyTransition(manager, idea, result, {});
      return true;
    });
  }

  /** Writes a transition's new state (version-checked), its idea_event, and runs the other contexts' hooks. */
  private async applyTransition(
    manager: EntityManager,
    idea: Idea,
    result: Extract<TransitionResult, { ok: true }>,
    extra: Partial<Idea>,
  ): Promise<void> {
    const { next, event } = result;
    await this.updateVersioned(manager, idea, {
      status: next.status,
      submittedAt: next.submittedAt,
      publishedAt: next.publishedAt,
      withdrawnAt: next.withdrawnAt,
      answerText: next.answer?.text ?? null,
      answerGivenAt: next.answer?.givenAt ?? null,
      answerPublishedAt: next.answer?.publishedAt ?? null,
      mergedIntoId: next.mergedIntoId,
      parkedUntil: next.parkedUntil,
      ...extra,
    });
    await this.appendEvent(manager, {
      ideaId: idea.id,
      type: event.type,
      fromStatus: event.from,
      toStatus: event.to,
      actorId: event.actorId,
      public: event.public,
      data: { ...event.details, ...(event.details.until ? { until: event.details.until.toISOString() } : {}) },
    });
    await this.hooks.run(manager, {
      ideaId: idea.id,
      command: event.type,
      from: event.from,
      to: event.to,
      actorId: event.actorId,
    });
  }

  /** Updates the row only if nobody changed it since it was read (the version column increments). */
  async updateVersioned(manager: EntityManager, idea: Idea, changes: Partial<Idea>): Promise<void> {
    if (!(await this.repo.updateVersioned(idea, changes, manager))) throw new StaleVersion();
  }

  async appendEvent(
    manager: EntityManager,
    event: Pick<IdeaEvent, 'ideaId' | 'type' | 'fromStatus' | 'toStatus' | 'actorId' | 'public' | 'data'>,
  ): Promise<void> {
    await appendIdeaEvents(manager, [event]);
  }
}
