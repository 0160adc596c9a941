import type { FieldProblem } from '../errors/domain-error';
import type { IdeaStatus } from '../ideas/idea';

/**
 * The answer-time guarantee (issue 5, item 5): how long an idea may wait for its first answer and
 * for its qualification, when the assignees are reminded and when the network lead is told it is
 * late. Pure: the server gathers the idea's facts and the organisation's settings, this decides.
 *
 * - First answer: from the idea's latest submission (a returned idea submitted again waits anew)
 *   while it is on the box's side — `collect`, `visible` or `qualify`. Any reasoned response to the
 *   authors ends it: returned to the authors (reason), rework requested (guidance), qualified,
 *   declined or merged (they all move the idea out of those statuses). Accepting it on the wall is
 *   not an answer: publication tells the authors nothing about their idea's fate.
 * - Qualification: from the idea's latest entry into `qualify` until it leaves it (any outcome).
 * Days are calendar days of 24 hours.
 */

export const DEADLINE_KINDS = ['first_answer', 'qualification'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** What a deadline job does when it fires: remind the assignees, or escalate to the network lead(s). */
export const DEADLINE_ACTIONS = ['remind', 'escalate'] as const;
export type DeadlineAction = (typeof DEADLINE_ACTIONS)[number];

export interface AnswerTimeSettings {
  /** Days from submission to the first answer. */
  firstAnswerDays: number;
  /** Days from entering qualification to its outcome. */
  qualificationDays: number;
  /** Days before a due date when the assignees are reminded; 0 = no reminder. */
  remindBeforeDays: number;
}

export const DEFAULT_ANSWER_TIME_SETTINGS: Readonly<AnswerTimeSettings> = {
  firstAnswerDays: 30,
  qualificationDays: 60,
  remindBeforeDays: 5,
};

/** Bounds of the settings (a year at most: a longer promise is no promise). */
export const ANSWER_TIME_LIMITS = { minDays: 1, maxDays: 365 } as const;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The facts a deadline depends on. The latest times come from the idea's events. */
export interface DeadlineFacts {
  status: IdeaStatus;
  /** The latest `submit` (falls back to the first submission when no event says more). */
  lastSubmittedAt: Date | null;
  /** The latest `start_qualification`. */
  qualificationStartedAt: Date | null;
}

export interface Deadline {
  kind: DeadlineKind;
  startedAt: Date;
  dueAt: Date;
  /** When the assignees are reminded; null when reminders are off or shorter than a day before the start. */
  remindAt: Date | null;
}

const FIRST_ANSWER_STATUSES: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['collect', 'visible', 'qualify']);

/** The events the facts are read from (type and time only). */
export interface DeadlineEventFact {
  type: string;
  occurredAt: Date;
}

/** The deadline facts from the idea's status, first submission and events (any order). */
export function deadlineFacts(
  idea: { status: IdeaStatus; submittedAt: Date | null },
  events: readonly DeadlineEventFact[],
): DeadlineFacts {
  const latest = (type: string): Date | null =>
    events
      .filter((e) => e.type === type)
      .reduce<Date | null>((max, e) => (max === null || e.occurredAt > max ? e.occurredAt : max), null);
  return {
    status: idea.status,
    lastSubmittedAt: latest('submit') ?? idea.submittedAt,
    qualificationStartedAt: latest('start_qualification'),
  };
}

function deadline(kind: DeadlineKind, startedAt: Date, days: number, remindBeforeDays: number): Deadline {
  const dueAt = new Date(startedAt.getTime() + days * DAY_MS);
  const remindAt = new Date(dueAt.getTime() - remindBeforeDays * DAY_MS);
  return { kind, startedAt, dueAt, remindAt: remindBeforeDays > 0 && remindAt > startedAt ? remindAt : null };
}

/** The deadlines that apply to the idea now (none once it is answered, returned, decided or ended). */
export function deadlinesFor(facts: DeadlineFacts, settings: AnswerTimeSettings): Deadline[] {
  const out: Deadline[] = [];
  if (FIRST_ANSWER_STATUSES.has(facts.status) && facts.lastSubmittedAt) {
    out.push(deadline('first_answer', facts.lastSubmittedAt, settings.firstAnswerDays, settings.remindBeforeDays));
  }
  if (facts.status === 'qualify' && facts.qualificationStartedAt) {
    out.push(
      deadline('qualification', facts.qualificationStartedAt, settings.qualificationDays, settings.remindBeforeDays),
    );
  }
  return out;
}

export function isLate(deadlines: readonly Deadline[], now: Date): boolean {
  return deadlines.some((d) => d.dueAt.getTime() <= now.getTime());
}

/** One delayed job the scheduler keeps for an idea. */
export interface PlannedDeadlineJob {
  jobId: string;
  action: DeadlineAction;
  deadline: DeadlineKind;
  dueAt: Date;
  /** When it fires (may be past: then at once). */
  fireAt: Date;
}

/**
 * The deterministic BullMQ job id: idea + action + deadline + due time. A new due date is a new job;
 * the same one recomputed is the same id (adding it twice is a no-op). BullMQ refuses `:` in ids.
 */
export function deadlineJobId(ideaId: string, action: DeadlineAction, kind: DeadlineKind, dueAt: Date): string {
  return `deadline-${ideaId}-${action}-${kind}-${dueAt.getTime()}`;
}

/**
 * The jobs that should exist for these deadlines: an escalation at each due date, and a reminder
 * `remindBeforeDays` before it while the due date is still ahead (past it, the escalation says more).
 */
export function plannedDeadlineJobs(ideaId: string, deadlines: readonly Deadline[], now: Date): PlannedDeadlineJob[] {
  const jobs: PlannedDeadlineJob[] = [];
  for (const d of deadlines) {
    if (d.remindAt && d.dueAt.getTime() > now.getTime()) {
      jobs.push({
        jobId: deadlineJobId(ideaId, 'remind', d.kind, d.dueAt),
        action: 'remind',
        deadline: d.kind,
        dueAt: d.dueAt,
        fireAt: d.remindAt,
      });
    }
    jobs.push({
      jobId: deadlineJobId(ideaId, 'escalate', d.kind, d.dueAt),
      action: 'escalate',
      deadline: d.kind,
      dueAt: d.dueAt,
      fireAt: d.dueAt,
    });
  }
  return jobs;
}

/**
 * Is a job that just fired still meant (the idea may have moved on since it was scheduled)?
 * Its deadline must still apply with the same due date; a reminder also needs the due date ahead.
 */
export function deadlineJobStillDue(
  job: { action: DeadlineAction; deadline: DeadlineKind; dueAt: Date },
  deadlines: readonly Deadline[],
  now: Date,
): boolean {
  const d = deadlines.find((x) => x.kind === job.deadline && x.dueAt.getTime() === job.dueAt.getTime());
  if (!d) return false;
  return job.action === 'escalate' || (d.remindAt !== null && d.dueAt.getTime() > now.getTime());
}

function checkDays(problems: FieldProblem[], field: keyof AnswerTimeSettings, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problems.push({ field, code: 'isInt', message: `${field} must be a whole number of days.` });
  } else if (value < min || value > ANSWER_TIME_LIMITS.maxDays) {
    problems.push({
      field,
      code: 'outOfRange',
      message: `${field} must be between ${min} and ${ANSWER_TIME_LIMITS.maxDays} days.`,
    });
  }
}

/** The settings' rules, each problem naming its field (the API answers them as a 400). */
export function validateAnswerTimeSettings(input: Readonly<Record<string, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkDays(problems, 'firstAnswerDays', input['firstAnswerDays'], ANSWER_TIME_LIMITS.minDays);
  checkDays(problems, 'qualificationDays', input['qualificationDays'], ANSWER_TIME_LIMITS.minDays);
  checkDays(problems, 'remindBeforeDays', input['remindBeforeDays'], 0);
  if (problems.length > 0) return problems;
  const s = input as unknown as AnswerTimeSettings;
  // A reminder on or before the day the wait starts would come with the idea itself.
  if (s.remindBeforeDays > 0 && s.remindBeforeDays >= Math.min(s.firstAnswerDays, s.qualificationDays)) {
    problems.push({
      field: 'remindBeforeDays',
      code: 'tooLate',
      message: 'The reminder must come fewer days before the due date than either wait lasts.',
    });
  }
  return problems;
}
