import {
  MAX_SCORE,
  MIN_SCORE,
  type CriteriaSetDefinition,
  type CriterionAxis,
  type LocalizedText,
  type Scores,
} from './criteria';

/**
 * Consolidating the submitted scorecards of one idea (docs/qualification.md gives the formulas):
 * - per criterion: mean, min, max and spread = max − min over the reviewers who scored it, so that
 *   disagreement is visible rather than averaged away;
 * - weighted score = Σ weight·mean / Σ weight over the criteria that have a mean;
 * - value = the same weighted mean over the `value` criteria;
 * - effort = (MIN+MAX) − the weighted mean over the `effort` criteria (those are scored "5 = easy,
 *   cheap", so turning them around makes a high effort mean much work), for the value/effort plot.
 * Numbers are rounded to two decimals so the API, the web and the minutes show the same figures.
 */

/** One submitted scorecard, as the consolidation reads it. */
export interface SubmittedReview {
  reviewerId: string;
  scores: Scores;
  comment: string;
  /** ISO timestamp. */
  submittedAt: string;
}

export interface ConsolidatedCriterion {
  key: string;
  label: LocalizedText;
  weight: number;
  axis: CriterionAxis;
  /** Reviewers who scored this criterion. */
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** max − min: 0 = consensus, 4 = full disagreement. */
  spread: number | null;
}

/** Contract C2: what the committee, the pre-reading pack and the portfolio read about an idea's scores. */
export interface ConsolidatedScorecard {
  reviewerCount: number;
  /** 1–5, null without any submitted scorecard. */
  weightedScore: number | null;
  /** 1–5 each, for the value/effort plot; null when no criterion of that axis was scored. */
  value: number | null;
  effort: number | null;
  /** The largest spread of any criterion (null without scores): the disagreement to look at. */
  maxSpread: number | null;
  criteria: ConsolidatedCriterion[];
  reviews: SubmittedReview[];
}

/** A spread from this value up is flagged as a disagreement in the views. */
export const DISAGREEMENT_SPREAD = 2;

export const round2 = (n: number): number => Math.round(n * 100) / 100;

function weightedMean(items: readonly { weight: number; mean: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, mean } of items) {
    if (mean === null) continue;
    sum += weight * mean;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

export function consolidate(set: CriteriaSetDefinition, reviews: readonly SubmittedReview[]): ConsolidatedScorecard {
  const criteria = set.criteria.map((c): ConsolidatedCriterion & { rawMean: number | null } => {
    const values = reviews
      .map((r) => r.scores[c.key])
      .filter((v): v is number => typeof v === 'number' && v >= MIN_SCORE && v <= MAX_SCORE);
    if (values.length === 0) {
      return {
        key: c.key,
        label: c.label,
        weight: c.weight,
        axis: c.axis,
        count: 0,
        mean: null,
        min: null,
        max: null,
        spread: null,
        rawMean: null,
      };
    }
    const min = Math.min(...values);
    const max = Math.max(...values);
    const rawMean = values.reduce((a, b) => a + b, 0) / values.length;
    return {
      key: c.key,
      label: c.label,
      weight: c.weight,
      axis: c.axis,
      count: values.length,
      mean: round2(rawMean),
      min,
      max,
      spread: max - min,
      rawMean,
    };
  });
  // Weighted figures from the unrounded means, rounded once at the end.
  const overall = weightedMean(criteria.map((c) => ({ weight: c.weight, mean: c.rawMean })));
  const value = weightedMean(
    criteria.filter((c) => c.axis === 'value').map((c) => ({ weight: c.weight, mean: c.rawMean })),
  );
  const ease = weightedMean(
    criteria.filter((c) => c.axis === 'effort').map((c) => ({ weight: c.weight, mean: c.rawMean })),
  );
  const spreads = criteria.map((c) => c.spread).filter((s): s is number => s !== null);
  return {
    reviewerCount: new Set(reviews.map((r) => r.reviewerId)).size,
    weightedScore: overall === null ? null : round2(overall),
    value: value === null ? null : round2(value),
    effort: ease === null ? null : round2(MIN_SCORE + MAX_SCORE - ease),
    maxSpread: spreads.length ? Math.max(...spreads) : null,
    criteria: criteria.map(({ rawMean: _raw, ...c }) => c),
    reviews: [...reviews],
  };
}
