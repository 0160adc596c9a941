import type { IdeaStatus } from '../ideas/idea';
import { DAY_MS } from '../qualification/deadlines';
import type { Locale } from '../locale';

/**
 * The annual participative-innovation report's figures (bilan annuel) as pure formulas. The report
 * worker, the HR dashboard and the JSON API all call these, so the three never disagree; the bench
 * and the integration tests check them against independent SQL (docs/recognition.md §6 gives the
 * SQL-equivalent of each rounding and percentile).
 *
 * Rounding: percentages and ratios to one decimal, half away from zero (PostgreSQL's round() on
 * numeric does the same for the non-negative values here). A figure whose denominator is 0 is null
 * ("no data"), never 0 % and never an error.
 */

export const REPORT_FIGURES = [
  'participation_rate',
  'ideas_per_100_staff',
  'funnel',
  'time_to_first_answer',
  'time_to_decision',
  'answered_within_guarantee',
  'experiments',
  'implemented_ideas',
  'impact_projected_vs_actual',
  'replications',
  'people_recognised',
  'people_trained',
  'communication_actions',
  'celebrations_held',
  'budget',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

export const REPORT_FIGURE_LABELS: Readonly<Record<ReportFigure, Readonly<Record<Locale, string>>>> = {
  participation_rate: { fr: 'Taux de participation', en: 'Participation rate' },
  ideas_per_100_staff: { fr: 'Idées pour 100 agents', en: 'Ideas per 100 staff' },
  funnel: { fr: 'Entonnoir des idées', en: 'Idea funnel' },
  time_to_first_answer: { fr: 'Délai de première réponse', en: 'Time to first answer' },
  time_to_decision: { fr: 'Délai de décision', en: 'Time to decision' },
  answered_within_guarantee: { fr: 'Réponses dans le délai garanti', en: 'Answered within the guarantee' },
  experiments: { fr: 'Expérimentations et résultats', en: 'Experiments and outcomes' },
  implemented_ideas: { fr: 'Idées mises en œuvre', en: 'Implemented ideas' },
  impact_projected_vs_actual: { fr: 'Impact prévu et constaté', en: 'Impact projected vs actual' },
  replications: { fr: 'Essaimages', en: 'Replications' },
  people_recognised: { fr: 'Personnes reconnues', en: 'People recognised' },
  people_trained: { fr: 'Personnes formées', en: 'People trained' },
  communication_actions: { fr: 'Actions de communication', en: 'Communication actions' },
  celebrations_held: { fr: 'Célébrations', en: 'Celebrations held' },
  budget: { fr: 'Budget', en: 'Budget' },
};

/** The figures the year-on-year table compares, in its order (the report's and the dashboard's rows). */
export const YEAR_ON_YEAR_FIGURES = [
  'headcount',
  'contributors',
  'participation_rate',
  'ideas_submitted',
  'ideas_per_100_staff',
  'implemented_ideas',
  'replications',
  'people_recognised',
] as const;
export type YearOnYearFigure = (typeof YEAR_ON_YEAR_FIGURES)[number];

/**
 * Their names, the charter figures' own where there is one. The rate's row adds its unit where it is
 * shown: "(points)" in the report (its change), "(%)" on the dashboard.
 */
export const YEAR_ON_YEAR_LABELS: Readonly<Record<YearOnYearFigure, Readonly<Record<Locale, string>>>> = {
  headcount: { fr: 'Effectif', en: 'Headcount' },
  contributors: { fr: 'Contributeurs', en: 'Contributors' },
  participation_rate: REPORT_FIGURE_LABELS.participation_rate,
  ideas_submitted: { fr: 'Idées déposées', en: 'Ideas submitted' },
  ideas_per_100_staff: REPORT_FIGURE_LABELS.ideas_per_100_staff,
  implemented_ideas: REPORT_FIGURE_LABELS.implemented_ideas,
  replications: REPORT_FIGURE_LABELS.replications,
  people_recognised: REPORT_FIGURE_LABELS.people_recognised,
};

/** n ÷ d as a percent with one decimal; null when d is 0. */
export function percent(n: number, d: number): number | null {
  if (d === 0) return null;
  return roundHalfAway((n * 1000) / d) / 10;
}

/** n × 100 ÷ d with one decimal (ideas per 100 staff); null when d is 0. */
export function per100(n: number, d: number): number | null {
  return percent(n, d);
}

// Integer inputs make n*1000/d exact at .5 (a binary fraction), so this matches SQL's round().
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * Headcount (effectif) of a year: a person counts when active in the directory at some time during
 * the year — created before the year's end and not deactivated before its start.
 */
export function isInHeadcount(person: { createdAt: Date; deactivatedAt: Date | null }, year: number): boolean {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return person.createdAt.getTime() < end && (person.deactivatedAt === null || person.deactivatedAt.getTime() >= start);
}

/**
 * Participation rate (taux de participation): distinct contributors of the year ÷ the directory
 * headcount of that year, in percent. Contributors: people with at least one contribution of a
 * `participation` kind (ledger.ts) dated in the year, anonymous authors included.
 */
export function participationRate(distinctContributors: number, headcount: number): number | null {
  return percent(distinctContributors, headcount);
}

/** Ideas per 100 staff (idées pour 100 agents): ideas first submitted in the year × 100 ÷ headcount. */
export function ideasPer100Staff(ideasSubmitted: number, headcount: number): number | null {
  return per100(ideasSubmitted, headcount);
}

/**
 * The funnel (entonnoir): the ideas FIRST submitted in the year (a cohort), followed to the report's
 * cut-off, counted at the furthest step they reached. Each step counts the ideas that reached it or
 * any later one, so counts never grow down the funnel: an idea decided "implement" straight from
 * "decide" has passed the "go" step without an experiment.
 */
export const FUNNEL_STEPS = [
  'submitted',
  'published',
  'qualification',
  'decision',
  'go',
  'implementation',
  'in_service',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The steps' names: one table for the annual report (PDF, XLSX) and the HR dashboard. */
export const FUNNEL_LABELS: Readonly<Record<FunnelStep, Readonly<Record<Locale, string>>>> = {
  submitted: { fr: 'Déposées', en: 'Submitted' },
  published: { fr: 'Publiées', en: 'Published' },
  qualification: { fr: 'En qualification', en: 'In qualification' },
  decision: { fr: 'En décision', en: 'Put to decision' },
  go: { fr: 'Décidées (expérimentation ou mise en œuvre)', en: 'Decided to go (experiment or implement)' },
  implementation: { fr: 'En mise en œuvre', en: 'In implementation' },
  in_service: { fr: 'En service', en: 'In service' },
};

/**
 * The funnel step each status stands for; waiting and final states outside the main line stand for
 * none. The report's SQL builds its CASE from this table, so the two cannot drift.
 */
export const STEP_OF_STATUS: Readonly<Partial<Record<IdeaStatus, FunnelStep>>> = {
  collect: 'submitted',
  visible: 'published',
  qualify: 'qualification',
  decide: 'decision',
  prototype: 'go',
  implement: 'implementation',
  follow_up: 'in_service',
  closed: 'in_service',
};

/** The furthest step among the statuses an idea entered (from its events' `to_status`); null if never submitted. */
export function furthestStep(statusesEntered: readonly IdeaStatus[]): FunnelStep | null {
  let best = -1;
  for (const s of statusesEntered) {
    const step = STEP_OF_STATUS[s];
    if (step !== undefined) best = Math.max(best, FUNNEL_STEPS.indexOf(step));
  }
  return best < 0 ? null : FUNNEL_STEPS[best]!;
}

export interface FunnelRow {
  step: FunnelStep;
  count: number;
  /** count ÷ the previous step's count, in percent; null for the first step or an empty previous step. */
  conversion: number | null;
  /** count ÷ the submitted count, in percent. */
  ofSubmitted: number | null;
}

export function funnel(furthest: readonly (FunnelStep | null)[]): FunnelRow[] {
  const atFurthest: Partial<Record<FunnelStep, number>> = {};
  for (const step of furthest) if (step !== null) atFurthest[step] = (atFurthest[step] ?? 0) + 1;
  return funnelFromCounts(atFurthest);
}

/**
 * The same funnel from how many ideas stopped at each step (what SQL gives after a GROUP BY on the
 * furthest step): an idea counts at its furthest step and at every step before it.
 */
export function funnelFromCounts(atFurthest: Readonly<Partial<Record<FunnelStep, number>>>): FunnelRow[] {
  const reached = FUNNEL_STEPS.map(() => 0);
  FUNNEL_STEPS.forEach((step, last) => {
    for (let i = 0; i <= last; i++) reached[i]! += atFurthest[step] ?? 0;
  });
  return FUNNEL_STEPS.map((step, i) => ({
    step,
    count: reached[i]!,
    conversion: i === 0 ? null : percent(reached[i]!, reached[i - 1]!),
    ofSubmitted: percent(reached[i]!, reached[0]!),
  }));
}

/**
 * Percentile by NEAREST RANK: sort ascending, take the value at rank ⌈p ÷ 100 × n⌉ (rank 1 for
 * p = 0). The median is p = 50: with an even count, the LOWER of the two middle values. Always a
 * value that occurred; identical to PostgreSQL's percentile_disc(p ÷ 100). Null when there is none.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError('p is from 0 to 100');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9));
  return sorted[rank - 1]!;
}

/** A duration in days with one decimal (days of 24 hours). */
export function days(ms: number): number {
  return roundHalfAway(ms / (DAY_MS / 10)) / 10;
}

/**
 * The first answer is the first event after the first submission whose `to_status` is one of these
 * (the answer-time guarantee's rule, qualification/deadlines.ts): returned to the authors or rework
 * requested (returned), qualified (decide), declined, merged. Publication on the wall is no answer.
 */
export const FIRST_ANSWER_STATUSES: readonly IdeaStatus[] = ['returned', 'decide', 'declined', 'merged'];
/** The decision is the first event whose `from_status` is `decide`: prototype, implement, park or decline. */
export const DECISION_FROM_STATUS: IdeaStatus = 'decide';

export interface DurationSummary {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

/**
 * Time to first answer (from the idea's FIRST submission to its first answer event) or to decision
 * (first submission to the first committee decision), over the year's cohort of answered/decided
 * ideas. An idea not yet answered is not in the durations; it shows in the guarantee share.
 */
export function durationSummary(durationsMs: readonly number[]): DurationSummary {
  return summariseDurations(durationsMs.length, percentile(durationsMs, 50), percentile(durationsMs, 90));
}

/**
 * The same summary from a count and the two nearest-rank percentiles in milliseconds, as SQL's
 * percentile_disc(0.5) and percentile_disc(0.9) give them (identical to `percentile`).
 */
export function summariseDurations(count: number, medianMs: number | null, p90Ms: number | null): DurationSummary {
  return {
    count,
    medianDays: count === 0 || medianMs === null ? null : days(medianMs),
    p90Days: count === 0 || p90Ms === null ? null : days(p90Ms),
  };
}

export interface GuaranteeItem {
  submittedAt: Date;
  firstAnswerAt: Date | null;
  /** Withdrawn by its authors before any answer: the promise no longer applies. */
  withdrawnUnansweredAt: Date | null;
}

export interface GuaranteeShare {
  /** Ideas whose promise can be judged: answered by the cut-off, or due by the cut-off. */
  judged: number;
  within: number;
  percent: number | null;
}

/**
 * Share answered within the guarantee (réponses dans le délai garanti): among the cohort's ideas
 * that can be judged at the cut-off, those whose first answer came at most `guaranteeDays` days after
 * the first submission. An unanswered idea still within its time is not judged yet; an unanswered
 * idea past its due time counts as late. An idea its authors withdrew before any answer is judged
 * only if it was already late when they withdrew it.
 */
export function answeredWithinGuarantee(
  items: readonly GuaranteeItem[],
  guaranteeDays: number,
  cutoff: Date,
): GuaranteeShare {
  let judged = 0;
  let within = 0;
  for (const item of items) {
    const due = item.submittedAt.getTime() + guaranteeDays * DAY_MS;
    const answered = item.firstAnswerAt !== null && item.firstAnswerAt.getTime() <= cutoff.getTime();
    const openUntil = Math.min(cutoff.getTime(), item.withdrawnUnansweredAt?.getTime() ?? Infinity);
    if (!answered && due > openUntil) continue;
    judged += 1;
    if (answered && item.firstAnswerAt!.getTime() <= due) within += 1;
  }
  return guaranteeShare(judged, within);
}

/** The share from the two counts (what the report's SQL counts with the rule above). */
export function guaranteeShare(judged: number, within: number): GuaranteeShare {
  return { judged, within, percent: percent(within, judged) };
}

export type FigureKind = 'count' | 'rate';

export interface YearOverYear {
  current: number | null;
  previous: number | null;
  /** current − previous: a count's difference, or a rate's difference in percentage POINTS. */
  change: number | null;
  /** For counts only: change ÷ previous in percent; null for rates, or when previous is 0 or missing. */
  changePercent: number | null;
}

/**
 * Year-on-year (évolution sur un an). A rate's change is in points (12.5 % → 15.0 % is +2.5 points),
 * never a percent of a percent; a count's change is also given relative to the previous year.
 */
export function yearOverYear(current: number | null, previous: number | null, kind: FigureKind): YearOverYear {
  if (current === null || previous === null) return { current, previous, change: null, changePercent: null };
  const change = roundHalfAway((current - previous) * 10) / 10;
  const changePercent =
    kind === 'count' && previous !== 0 ? roundHalfAway(((current - previous) * 1000) / previous) / 10 : null;
  return { current, previous, change, changePercent };
}

/** The report's reference period: 1 January 00:00 UTC to the cut-off (31 December 24:00, or the run time). */
export function reportPeriod(year: number, now: Date): { from: Date; cutoff: Date; complete: boolean } {
  const from = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  const complete = now.getTime() >= end.getTime();
  return { from, cutoff: complete ? end : now, complete };
}
