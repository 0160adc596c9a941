import { readsOn } from '@eclore/server-platform';
import type { EntityManager } from 'typeorm';
import { consolidate, type ConsolidatedScorecard, type SubmittedReview } from '@eclore/domain';
import type { Scorecard } from '../entities';
import { criteriaForIdeas } from '../criteria/criteria.repository';
import { submittedScorecards } from './scorecards.repository';

/** A submitted scorecard as the consolidation reads it. */
export function toReview(card: Scorecard): SubmittedReview {
  return {
    reviewerId: card.reviewerId,
    scores: card.scores,
    comment: card.comment,
    submittedAt: (card.submittedAt ?? card.updatedAt).toISOString(),
  };
}

/**
 * Contract C2: the consolidated scorecards of these ideas (submitted scorecards only), against the
 * criteria set that applies to each idea. Every known idea gets an entry (reviewerCount 0 without
 * scores); unknown ids are left out. Reviewers are ids only: callers present names as they may.
 */
export async function consolidatedScorecards(
  manager: EntityManager,
  ideaIds: readonly string[],
): Promise<Map<string, ConsolidatedScorecard>> {
  const ids = [...new Set(ideaIds)];
  if (ids.length === 0) return new Map();
  const [criteria, cards] = await readsOn(manager, [
    () => criteriaForIdeas(manager, ids),
    () => submittedScorecards(manager, ids),
  ]);
  const result = new Map<string, ConsolidatedScorecard>();
  for (const [ideaId, applicable] of criteria) {
    const reviews = cards.filter((c) => c.ideaId === ideaId).map(toReview);
    result.set(ideaId, consolidate({ criteria: applicable.criteria }, reviews));
  }
  return result;
}
