import { In, type EntityManager } from 'typeorm';
import { consolidate, type ConsolidatedScorecard } from '@eclore/domain';
import { Scorecard } from '../entities';
import { criteriaForIdeas } from '../criteria/applicable';

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
  const [criteria, cards] = await Promise.all([
    criteriaForIdeas(manager, ids),
    manager.getRepository(Scorecard).find({
      where: { ideaId: In(ids), status: 'submitted' },
      order: { submittedAt: 'ASC', id: 'ASC' },
    }),
  ]);
  const result = new Map<string, ConsolidatedScorecard>();
  for (const [ideaId, applicable] of criteria) {
    const reviews = cards
      .filter((c) => c.ideaId === ideaId)
      .map((c) => ({
        reviewerId: c.reviewerId,
        scores: c.scores,
        comment: c.comment,
        submittedAt: (c.submittedAt ?? c.updatedAt).toISOString(),
      }));
    result.set(ideaId, consolidate({ criteria: applicable.criteria }, reviews));
  }
  return result;
}
