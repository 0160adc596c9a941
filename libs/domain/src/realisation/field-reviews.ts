import type { FieldProblem } from '../errors/domain-error';
import { checkText, DAY_MS } from './text';

/**
 * Retour en réalité (return to the field): reviews N months after go-live ask the owner and the
 * authors what really happened. Each review is asked on its due date, reminded once
 * `remindAfterDays` later if unanswered, then reported late to the network `lateAfterDays` after
 * the due date. A job that fires re-checks with `reviewJobAction`, so a review answered meanwhile
 * (or a project that moved on) gets nothing.
 */
export interface FieldReviewSettings {
  /** Months after go-live, ascending and distinct. */
  monthsAfterGoLive: readonly number[];
  remindAfterDays: number;
  lateAfterDays: number;
}

export const DEFAULT_FIELD_REVIEW_SETTINGS: Readonly<FieldReviewSettings> = {
  monthsAfterGoLive: [3, 12],
  remindAfterDays: 7,
  lateAfterDays: 14,
};

export const FIELD_REVIEW_LIMITS = {
  minMonths: 1,
  maxMonths: 60,
  maxReviews: 6,
  maxDays: 90,
  answerMax: 5_000,
} as const;

export function validateFieldReviewSettings(s: FieldReviewSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { minMonths, maxMonths, maxReviews, maxDays } = FIELD_REVIEW_LIMITS;
  const months = s.monthsAfterGoLive;
  const inRange = months.every((m) => Number.isInteger(m) && m >= minMonths && m <= maxMonths);
  const ascending = months.every((m, i) => i === 0 || m > (months[i - 1] as number));
  if (months.length === 0 || months.length > maxReviews || !inRange || !ascending) {
    problems.push({
      field: 'monthsAfterGoLive',
      code: 'out_of_range',
      message: `1 to ${maxReviews} distinct ascending whole months from ${minMonths} to ${maxMonths}.`,
    });
  }
  const days = (n: number) => Number.isInteger(n) && n >= 1 && n <= maxDays;
  if (!days(s.remindAfterDays))
    problems.push({ field: 'remindAfterDays', code: 'out_of_range', message: `1 to ${maxDays} days.` });
  if (!days(s.lateAfterDays) || s.lateAfterDays <= s.remindAfterDays) {
    problems.push({
      field: 'lateAfterDays',
      code: 'out_of_range',
      message: 'Late comes after the reminder, at most 90 days after the due date.',
    });
  }
  return problems;
}

/** Calendar months later, at the same time of day; the 31st becomes the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return result;
}

export interface ScheduledReview {
  /** 1-based position; the last one gates `close`. */
  ordinal: number;
  monthsAfterGoLive: number;
  dueAt: Date;
  remindAt: Date;
  lateAt: Date;
}

export function fieldReviewSchedule(
  goLiveAt: Date,
  settings: FieldReviewSettings = DEFAULT_FIELD_REVIEW_SETTINGS,
): ScheduledReview[] {
  return settings.monthsAfterGoLive.map((months, i) => {
    const dueAt = addMonths(goLiveAt, months);
    return {
      ordinal: i + 1,
      monthsAfterGoLive: months,
      dueAt,
      remindAt: new Date(dueAt.getTime() + settings.remindAfterDays * DAY_MS),
      lateAt: new Date(dueAt.getTime() + settings.lateAfterDays * DAY_MS),
    };
  });
}

export interface FieldReviewFacts {
  dueAt: Date;
  remindAt: Date;
  lateAt: Date;
  answeredAt: Date | null;
}

export type FieldReviewState = 'scheduled' | 'due' | 'reminded' | 'late' | 'answered';

export function fieldReviewState(r: FieldReviewFacts, now: Date): FieldReviewState {
  if (r.answeredAt !== null) return 'answered';
  const t = now.getTime();
  if (t >= r.lateAt.getTime()) return 'late';
  if (t >= r.remindAt.getTime()) return 'reminded';
  return t >= r.dueAt.getTime() ? 'due' : 'scheduled';
}

export type FieldReviewJob = 'ask' | 'remind' | 'report_late';

/** Whether a delayed job still has something to do when it fires: never on an answered review, never early. */
export function reviewJobAction(job: FieldReviewJob, r: FieldReviewFacts, now: Date): boolean {
  if (r.answeredAt !== null) return false;
  const at = job === 'ask' ? r.dueAt : job === 'remind' ? r.remindAt : r.lateAt;
  return now.getTime() >= at.getTime();
}

/** `close` needs the last scheduled review (the latest due) answered. No review scheduled: not yet. */
export function canClose(reviews: readonly FieldReviewFacts[]): boolean {
  let last: FieldReviewFacts | null = null;
  for (const r of reviews) if (last === null || r.dueAt.getTime() > last.dueAt.getTime()) last = r;
  return last !== null && last.answeredAt !== null;
}

export interface FieldReviewAnswer {
  whatHappened: string;
  unexpected: string;
  whoUsesIt: string;
}

export function validateFieldReviewAnswer(a: FieldReviewAnswer): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkText('whatHappened', a.whatHappened, FIELD_REVIEW_LIMITS.answerMax, problems);
  checkText('unexpected', a.unexpected, FIELD_REVIEW_LIMITS.answerMax, problems);
  checkText('whoUsesIt', a.whoUsesIt, FIELD_REVIEW_LIMITS.answerMax, problems);
  return problems;
}
