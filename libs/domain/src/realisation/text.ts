import type { FieldProblem } from '../errors/domain-error';

/** Checks a required free-text field: present, not blank, no NUL byte, within `max` characters. */
export function checkText(
  field: string,
  value: string | null | undefined,
  max: number,
  problems: FieldProblem[],
): void {
  if (value === null || value === undefined || value.trim() === '') {
    problems.push({ field, code: 'required', message: `${field} is required.` });
    return;
  }
  // PostgreSQL refuses NUL in text; naming the field beats an opaque 500.
  if (value.includes('\u0000')) problems.push({ field, code: 'nul_byte', message: `${field} contains a NUL byte.` });
  if (value.length > max)
    problems.push({ field, code: 'maxLength', message: `${field} is longer than ${max} characters.` });
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

/**
 * Checks the date of something that already happened: a valid date, not after `now`, and not before
 * `floor` when given (the experiment's start, go-live...).
 */
export function checkPastDate(
  field: string,
  value: Date,
  now: Date,
  floor: { at: Date; code: string; message: string } | null,
  problems: FieldProblem[],
): void {
  if (Number.isNaN(value.getTime())) {
    problems.push({ field, code: 'invalid_date', message: `${field} is not a date.` });
  } else if (value.getTime() > now.getTime()) {
    problems.push({ field, code: 'must_not_be_future', message: `${field} records what already happened.` });
  } else if (floor !== null && value.getTime() < floor.at.getTime()) {
    problems.push({ field, code: floor.code, message: floor.message });
  }
}
