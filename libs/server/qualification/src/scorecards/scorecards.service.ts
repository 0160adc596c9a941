import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Conflict,
  consolidate,
  decide,
  validateScores,
  ValidationFailed,
  type Actor,
  type PolicyContext,
} from '@eclore/domain';
import { AccessService, peopleByIds } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { Scorecard } from '../entities';
import { criteriaForIdeas, type ApplicableCriteria } from '../criteria/criteria.repository';
import { isOpenAssignee } from '../shared/assignees';
import { toReview } from './consolidated';
import { ScorecardsRepository } from './scorecards.repository';
import type { QualificationViewDto, ScorecardDto, ScorecardInput } from './scorecards.dto';

function authorOf(loaded: LoadedIdea, personId: string): boolean {
  return loaded.authors.some((a) => a.personId === personId) || loaded.idea.capturedBy === personId;
}

function toDto(card: Scorecard): ScorecardDto {
  return {
    status: card.status,
    scores: card.scores,
    comment: card.comment,
    submittedAt: card.submittedAt?.toISOString() ?? null,
    updatedAt: card.updatedAt.toISOString(),
  };
}

/**
 * Scorecards: each assigned network member scores the idea against the criteria that apply to it
 * (draft, then submitted; submitting again updates the same scorecard), and the network and the
 * committee in scope read the consolidated view. An author never scores nor reads their own idea's.
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly repo: ScorecardsRepository,
  ) {}

  async view(actor: Actor, ideaId: string): Promise<QualificationViewDto> {
    const manager = this.ds.manager;
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
    this.access.assert(actor, 'qualification.read_scores', this.context(loaded, actor));
    const applicable = (await criteriaForIdeas(manager, [ideaId])).get(ideaId)!;
    const cards = await this.repo.ofIdea(ideaId, manager);
    const submitted = cards.filter((c) => c.status === 'submitted');
    const consolidated = consolidate({ criteria: applicable.criteria }, submitted.map(toReview));
    const reviewers = await peopleByIds(
      manager,
      submitted.map((c) => c.reviewerId),
    );
    const names = new Map(reviewers.map((p) => [p.id, p]));
    const mine = cards.find((c) => c.reviewerId === actor.personId) ?? null;
    const open = loaded.idea.status === 'qualify';
    const assignee = open && (await isOpenAssignee(manager, ideaId, actor.personId));
    return {
      criteriaSource: applicable.source,
      criteria: applicable.criteria.map((c) => ({ ...c, levels: [...c.levels] })),
      consolidated: {
        ...consolidated,
        reviews: consolidated.reviews.map((r) => {
          const p = names.get(r.reviewerId);
          return {
            reviewer: { id: r.reviewerId, givenName: p?.givenName ?? '', familyName: p?.familyName ?? '' },
            scores: r.scores,
            comment: r.comment,
            submittedAt: r.submittedAt,
          };
        }),
      },
      mine: mine ? toDto(mine) : null,
      canScore:
        open && decide(actor, 'qualification.score', { ...this.context(loaded, actor), isAssignee: assignee }).allowed,
      open,
    };
  }

  /** Saves the reviewer's draft (any subset of the criteria). */
  saveDraft(actor: Actor, ideaId: string, input: ScorecardInput): Promise<QualificationViewDto> {
    return this.write(actor, ideaId, input, 'draft');
  }

  /** Submits (or re-submits) the reviewer's scorecard: every criterion scored. */
  submit(actor: Actor, ideaId: string, input: ScorecardInput): Promise<QualificationViewDto> {
    return this.write(actor, ideaId, input, 'submitted');
  }

  private async write(
    actor: Actor,
    ideaId: string,
    input: ScorecardInput,
    status: 'draft' | 'submitted',
  ): Promise<QualificationViewDto> {
    await this.ds.transaction(async (manager) => {
      const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
      const assignee = await isOpenAssignee(manager, ideaId, actor.personId);
      this.access.assert(actor, 'qualification.score', { ...this.context(loaded, actor), isAssignee: assignee });
      if (loaded.idea.status !== 'qualify') {
        throw new Conflict('not_in_qualification', 'Scorecards are written while the idea is in qualification.');
      }
      const applicable: ApplicableCriteria = (await criteriaForIdeas(manager, [ideaId])).get(ideaId)!;
      const scores = input.scores ?? {};
      const problems = validateScores({ criteria: applicable.criteria }, scores, { complete: status === 'submitted' });
      if (problems.length) throw new ValidationFailed(problems);
      await this.upsert(manager, ideaId, actor.personId, status, scores, input.comment.trim());
    });
    return this.view(actor, ideaId);
  }

  private async upsert(
    manager: EntityManager,
    ideaId: string,
    reviewerId: string,
    status: 'draft' | 'submitted',
    scores: Record<string, number>,
    comment: string,
  ): Promise<void> {
    const existing = await this.repo.lockOne(ideaId, reviewerId, manager);
    // A submitted scorecard counts in the consolidation: it is updated by submitting again, never
    // silently turned back into a draft.
    if (existing?.status === 'submitted' && status === 'draft') {
      throw new Conflict('already_submitted', 'This scorecard is submitted; submit it again to change it.');
    }
    await this.repo.upsert({ ideaId, reviewerId, status, scores, comment }, manager);
    // The first submission is the review the contribution ledger counts (`reviewed`); submitting
    // again corrects the same review. Private: who scored is the network's, never the authors'.
    if (status === 'submitted' && existing?.status !== 'submitted')
      await appendIdeaEvents(manager, [
        { ideaId, type: 'scorecard_submitted', actorId: reviewerId, public: false, data: {} },
      ]);
  }

  private context(loaded: LoadedIdea, actor: Actor): PolicyContext {
    return { target: loaded.viewer.target, isAuthor: authorOf(loaded, actor.personId) };
  }
}
