import type { FieldProblem } from '../errors/domain-error';
import { checkPastDate, checkText, HOUR_MS } from './text';

/** A dated entry of the journal de bord (log book). */
export interface LogEntryFacts {
  writerId: string;
  createdAt: Date;
}

/** The writer may correct an entry for this long; afterwards the log book is append-only. */
export const LOG_ENTRY_EDIT_WINDOW_MS = 24 * HOUR_MS;
/** Rich text, as stored (sanitised HTML): generous, yet far below a 1 MB body. */
export const LOG_ENTRY_LIMITS = { bodyMax: 20_000 } as const;

export type LogEntryEditCheck = { ok: true } | { ok: false; reason: 'not_writer' | 'edit_window_closed' };

/** Only the writer, and only within 24 hours of writing (the window end itself is closed). */
export function canEditLogEntry(entry: LogEntryFacts, personId: string, now: Date): LogEntryEditCheck {
  if (entry.writerId !== personId) return { ok: false, reason: 'not_writer' };
  return now.getTime() - entry.createdAt.getTime() < LOG_ENTRY_EDIT_WINDOW_MS
    ? { ok: true }
    : { ok: false, reason: 'edit_window_closed' };
}

export function logEntryEditableUntil(entry: LogEntryFacts): Date {
  return new Date(entry.createdAt.getTime() + LOG_ENTRY_EDIT_WINDOW_MS);
}

/**
 * A new entry: a body, and the day it is about (`occurredOn`), which may not be in the future nor
 * before the experiment started (an entry records what happened).
 */
export function validateLogEntry(
  input: { body: string; occurredOn: Date },
  experimentStartsOn: Date,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkText('body', input.body, LOG_ENTRY_LIMITS.bodyMax, problems);
  checkPastDate(
    'occurredOn',
    input.occurredOn,
    now,
    { at: experimentStartsOn, code: 'before_experiment', message: 'The entry is dated before the experiment started.' },
    problems,
  );
  return problems;
}

/** Reading order: by day, then by writing time, then id so the order is total. */
export function sortLogEntries<T extends LogEntryFacts & { id: string; occurredOn: Date }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.occurredOn.getTime() - b.occurredOn.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}
