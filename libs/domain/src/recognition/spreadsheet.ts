/**
 * Spreadsheet cell neutralisation (CSV/formula injection): a text cell that a spreadsheet would read
 * as a formula — one starting with = + - @, or with a tab or carriage return, which some programs
 * skip before looking for a formula — is prefixed with an apostrophe, so it shows as the text it is.
 * Numbers written as numbers are never changed (a negative figure stays a number); a number sent as
 * text ("-5") is text like any other and is neutralised.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutraliseCell(value: string): string;
export function neutraliseCell<T extends number | boolean | Date | null>(value: T): T;
export function neutraliseCell(
  value: string | number | boolean | Date | null,
): string | number | boolean | Date | null {
  if (typeof value !== 'string' || value.length === 0) return value;
  return FORMULA_START.has(value[0]!) ? `'${value}` : value;
}

/** Neutralises every text cell of a sheet's rows. */
export function neutraliseRows<T extends string | number | boolean | Date | null>(
  rows: readonly (readonly T[])[],
): T[][] {
  return rows.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v) as T));
}
