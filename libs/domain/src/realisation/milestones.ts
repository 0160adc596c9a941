import type { FieldProblem } from '../errors/domain-error';
import { checkText, DAY_MS } from './text';

/**
 * The mise en œuvre (implementation project): milestones with due dates and weights, the progress
 * rolled up from them and the status derived from dates and progress. Dates are calendar days at
 * 00:00 UTC; a milestone is due at the END of its due day.
 */
export const MILESTONE_STATUSES = ['open', 'done', 'dropped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface Milestone {
  /** Relative weight, an integer from 1 to 100. */
  weight: number;
  dueOn: Date;
  status: MilestoneStatus;
  /** Reported progress of an open milestone, 0–100; a done milestone counts 100 whatever it says. */
  progress: number;
  /** Required when dropped: a dropped milestone leaves the plan, with a reason others can read. */
  dropReason: string | null;
}

export const MILESTONE_LIMITS = { titleMax: 200, reasonMax: 2_000, weightMin: 1, weightMax: 100 } as const;

/**
 * The status thresholds.
 * - `atRiskPoints`: at risk when the expected progress exceeds the actual progress by MORE than
 *   this many percentage points.
 */
export const PROJECT_STATUS_RULE = { atRiskPoints: 15 } as const;

export const PROJECT_STATUSES = ['on_track', 'at_risk', 'late', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Milestones that still count: dropped ones (with a reason) leave numerator and denominator. */
function counted(milestones: readonly Milestone[]): Milestone[] {
  return milestones.filter((m) => m.status !== 'dropped');
}

function achieved(m: Milestone): number {
  return m.status === 'done' ? 100 : Math.min(100, Math.max(0, m.progress));
}

/**
 * Progress in percent, rounded down to an integer: Σ(weight × progress) ÷ Σ weight over the
 * milestones not dropped. No milestone left to count: 0 (nothing planned is nothing done).
 */
export function projectProgress(milestones: readonly Milestone[]): number {
  const kept = counted(milestones);
  const total = kept.reduce((s, m) => s + m.weight, 0);
  if (total === 0) return 0;
  return Math.floor(kept.reduce((s, m) => s + m.weight * achieved(m), 0) / total);
}

/**
 * Progress expected by `now`: each counted milestone's share ramps linearly from the project's
 * start to the end of its due day (0 before the start, its full weight once due).
 */
export function expectedProgress(milestones: readonly Milestone[], startsOn: Date, now: Date): number {
  const kept = counted(milestones);
  const total = kept.reduce((s, m) => s + m.weight, 0);
  if (total === 0) return 0;
  const elapsed = now.getTime() - startsOn.getTime();
  const sum = kept.reduce((s, m) => {
    const span = endOfDay(m.dueOn) - startsOn.getTime();
    const share = span <= 0 ? 1 : Math.min(1, Math.max(0, elapsed / span));
    return s + m.weight * 100 * share;
  }, 0);
  return Math.floor(sum / total);
}

function endOfDay(day: Date): number {
  return day.getTime() + DAY_MS;
}

/** Past due: the due day has ended and the milestone is neither done nor dropped. */
export function isMilestoneLate(m: Milestone, now: Date): boolean {
  return m.status === 'open' && now.getTime() >= endOfDay(m.dueOn);
}

/** Every milestone done or dropped with a reason, and at least one milestone done. */
export function canCompleteImplementation(milestones: readonly Milestone[]): boolean {
  const allSettled = milestones.every(
    (m) => m.status === 'done' || (m.status === 'dropped' && m.dropReason !== null && m.dropReason.trim() !== ''),
  );
  return allSettled && milestones.some((m) => m.status === 'done');
}

/**
 * The project's status, first rule that applies:
 * 1. done: `complete_implementation` could run (see canCompleteImplementation);
 * 2. late: a milestone is past due and not done (nor dropped);
 * 3. at risk: expected progress − actual progress > 15 points;
 * 4. on track otherwise.
 */
export function projectStatus(milestones: readonly Milestone[], startsOn: Date, now: Date): ProjectStatus {
  if (canCompleteImplementation(milestones)) return 'done';
  if (milestones.some((m) => isMilestoneLate(m, now))) return 'late';
  const gap = expectedProgress(milestones, startsOn, now) - projectProgress(milestones);
  return gap > PROJECT_STATUS_RULE.atRiskPoints ? 'at_risk' : 'on_track';
}

export interface MilestoneInput {
  title: string;
  weight: number;
  dueOn: Date;
  status: MilestoneStatus;
  progress: number;
  dropReason: string | null;
}

export function validateMilestone(m: MilestoneInput, projectStartsOn: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkText('title', m.title, MILESTONE_LIMITS.titleMax, problems);
  if (!Number.isInteger(m.weight) || m.weight < MILESTONE_LIMITS.weightMin || m.weight > MILESTONE_LIMITS.weightMax) {
    problems.push({ field: 'weight', code: 'out_of_range', message: 'The weight is an integer from 1 to 100.' });
  }
  if (!Number.isInteger(m.progress) || m.progress < 0 || m.progress > 100) {
    problems.push({ field: 'progress', code: 'out_of_range', message: 'Progress is an integer from 0 to 100.' });
  }
  if (Number.isNaN(m.dueOn.getTime())) {
    problems.push({ field: 'dueOn', code: 'invalid_date', message: 'dueOn is not a date.' });
  } else if (m.dueOn.getTime() < projectStartsOn.getTime()) {
    problems.push({ field: 'dueOn', code: 'before_start', message: 'The milestone is due before the project starts.' });
  }
  if (m.status === 'dropped') checkText('dropReason', m.dropReason, MILESTONE_LIMITS.reasonMax, problems);
  return problems;
}

/** Optimistic concurrency: an edit names the version it read; a mismatch is refused (409), never merged blindly. */
export function isCurrentVersion(readVersion: number, storedVersion: number): boolean {
  return readVersion === storedVersion;
}

/** Budget in the organisation's currency; amounts are 0 … 10¹¹ with cents. */
export const BUDGET_LIMITS = { max: 100_000_000_000 } as const;

export interface BudgetSummary {
  planned: number;
  spent: number;
  remaining: number;
  /** spent ÷ planned in percent, rounded down; null when nothing was planned. */
  spentPercent: number | null;
  overspent: boolean;
}

// 0.1 * 100 is 10.000000000000002 in floating point: compare with a tolerance, not exactly.
function wholeCents(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}

export function validateAmount(field: string, amount: number): FieldProblem[] {
  if (!Number.isFinite(amount) || amount < 0 || amount > BUDGET_LIMITS.max || !wholeCents(amount)) {
    return [
      { field, code: 'out_of_range', message: `${field} is an amount from 0 to 10¹¹ with at most two decimals.` },
    ];
  }
  return [];
}

export function budgetSummary(planned: number, spentLines: readonly number[]): BudgetSummary {
  // Sum in cents so 0.1 + 0.2 stays 0.30.
  const spentCents = spentLines.reduce((s, x) => s + Math.round(x * 100), 0);
  const plannedCents = Math.round(planned * 100);
  return {
    planned,
    spent: spentCents / 100,
    remaining: (plannedCents - spentCents) / 100,
    spentPercent: plannedCents === 0 ? null : Math.floor((spentCents * 100) / plannedCents),
    overspent: spentCents > plannedCents,
  };
}
