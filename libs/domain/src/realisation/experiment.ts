import type { FieldProblem } from '../errors/domain-error';
import type { IdeaCommand } from '../ideas/transitions';
import { validateHypothesis, type Hypothesis } from './hypothesis';
import { checkText } from './text';

/**
 * The expérimentation (experiment) and its outcome. An experiment is `running` until its team
 * records an outcome:
 * - `validated`: the hypothesis held; the idea goes back to the committee, which may run
 *   `decide_implement` (the experiment's evidence is attached to the agenda item). Nothing moves
 *   the idea by itself: the decision stays the committee's.
 * - `pivot`: the hypothesis is replaced by a new one; the old one and its log entries stay
 *   visible (hypothesis history), and the experiment keeps running.
 * - `stopped`: the idea runs the lifecycle's `stop` with the learnings, which stay public.
 */
export const EXPERIMENT_STATUSES = ['running', 'validated', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

export const EXPERIMENT_OUTCOMES = ['validated', 'pivot', 'stopped'] as const;
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];

export const LEARNINGS_MAX = 10_000;

export type OutcomeInput =
  | { outcome: 'validated'; learnings?: string }
  | { outcome: 'pivot'; newHypothesis: Hypothesis; reason: string }
  | { outcome: 'stopped'; learnings: string };

/** What the caller does next, in the same transaction. */
export type OutcomeEffect =
  | { ok: true; status: ExperimentStatus; effect: 'ask_committee_for_implement' }
  | { ok: true; status: 'running'; effect: 'new_hypothesis'; newHypothesis: Hypothesis; supersededVersion: number }
  | { ok: true; status: 'stopped'; effect: 'stop_idea'; command: Extract<IdeaCommand, { type: 'stop' }> }
  | { ok: false; reason: 'not_running' }
  | { ok: false; reason: 'invalid'; problems: FieldProblem[] };

type Accepted = Extract<OutcomeEffect, { ok: true }>;

function orInvalid(problems: FieldProblem[], accepted: Accepted): OutcomeEffect {
  return problems.length > 0 ? { ok: false, reason: 'invalid', problems } : accepted;
}

/** `hypothesisVersion`: the current hypothesis's version (1 for the first); a pivot supersedes it. */
export function recordOutcome(status: ExperimentStatus, hypothesisVersion: number, input: OutcomeInput): OutcomeEffect {
  if (status !== 'running') return { ok: false, reason: 'not_running' };
  const problems: FieldProblem[] = [];
  switch (input.outcome) {
    case 'validated':
      if (input.learnings !== undefined && input.learnings.trim() !== '')
        checkText('learnings', input.learnings, LEARNINGS_MAX, problems);
      return orInvalid(problems, { ok: true, status: 'validated', effect: 'ask_committee_for_implement' });
    case 'pivot':
      problems.push(
        ...validateHypothesis(input.newHypothesis).map((p) => ({ ...p, field: `newHypothesis.${p.field}` })),
      );
      checkText('reason', input.reason, LEARNINGS_MAX, problems);
      return orInvalid(problems, {
        ok: true,
        status: 'running',
        effect: 'new_hypothesis',
        newHypothesis: input.newHypothesis,
        supersededVersion: hypothesisVersion,
      });
    case 'stopped':
      // A stop is a result: without learnings it teaches nothing, so they are required.
      checkText('learnings', input.learnings, LEARNINGS_MAX, problems);
      return orInvalid(problems, {
        ok: true,
        status: 'stopped',
        effect: 'stop_idea',
        command: { type: 'stop', learnings: input.learnings.trim() },
      });
  }
}

/** The protocol's dates: an experiment has a start and an end, in that order, and lasts at most two years. */
export const EXPERIMENT_MAX_DAYS = 730;

export function validateExperimentDates(startsOn: Date, endsOn: Date): FieldProblem[] {
  if (Number.isNaN(startsOn.getTime()))
    return [{ field: 'startsOn', code: 'invalid_date', message: 'startsOn is not a date.' }];
  if (Number.isNaN(endsOn.getTime()))
    return [{ field: 'endsOn', code: 'invalid_date', message: 'endsOn is not a date.' }];
  if (endsOn.getTime() < startsOn.getTime())
    return [{ field: 'endsOn', code: 'before_start', message: 'The end date is before the start date.' }];
  if (endsOn.getTime() - startsOn.getTime() > EXPERIMENT_MAX_DAYS * 86_400_000) {
    return [{ field: 'endsOn', code: 'too_long', message: `An experiment lasts at most ${EXPERIMENT_MAX_DAYS} days.` }];
  }
  return [];
}

/** A measure that would confirm or refute the hypothesis, with its target. */
export interface ExperimentMeasure {
  label: string;
  unit: string;
  target: number;
}

export function validateMeasure(m: ExperimentMeasure): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkText('label', m.label, 200, problems);
  checkText('unit', m.unit, 40, problems);
  if (!Number.isFinite(m.target) || Math.abs(m.target) > 1e12) {
    problems.push({
      field: 'target',
      code: 'out_of_range',
      message: 'The target must be a finite number within ±10¹².',
    });
  }
  return problems;
}
