import type { EntityManager } from 'typeorm';
import type { ConsolidatedScorecard } from '@eclore/domain';
import { consolidatedScorecards } from '@eclore/server-qualification';
import type { ScorecardSummaryDto } from './sessions.dto';

/** The consolidated scorecards of the given ideas (contract C2), as the committee shows them. */
export async function scorecardsOf(
  manager: EntityManager,
  ideaIds: readonly string[],
): Promise<Map<string, ScorecardSummaryDto>> {
  const consolidated = await consolidatedScorecards(manager, ideaIds);
  return new Map([...consolidated].map(([id, card]) => [id, summary(card)]));
}

/** The consolidated view without the individual reviews (who scored what stays with the network). */
function summary(card: ConsolidatedScorecard): ScorecardSummaryDto {
  return {
    reviewerCount: card.reviewerCount,
    weightedScore: card.weightedScore,
    value: card.value,
    effort: card.effort,
    maxSpread: card.maxSpread,
    criteria: card.criteria.map((c) => ({
      key: c.key,
      labelFr: c.label.fr,
      labelEn: c.label.en,
      weight: c.weight,
      mean: c.mean,
      min: c.min,
      max: c.max,
      spread: c.spread,
    })),
  };
}
