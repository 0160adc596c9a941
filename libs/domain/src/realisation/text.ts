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
