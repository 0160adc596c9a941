import { parse, type Options, type Parser } from 'csv-parse';

/**
 * The directory CSV (docs/directory-import.md): UTF-8 with or without BOM, `,` or `;` separated,
 * a header row naming these columns (any order; extra columns are ignored).
 */
export const DIRECTORY_COLUMNS = [
  'employee_number',
  'given_name',
  'family_name',
  'email',
  'org_unit_code',
  'org_unit_name',
  'org_unit_kind',
  'parent_org_unit_code',
  'locale',
] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** `locale` may be left out of the header altogether. */
export const OPTIONAL_COLUMNS: ReadonlySet<DirectoryColumn> = new Set(['locale']);
export const REQUIRED_COLUMNS = DIRECTORY_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));

export type Delimiter = ',' | ';';

/**
 * The separator is the one the header uses: the header names contain neither, so whichever occurs
 * there is the separator (`;` wins a tie, as French spreadsheet exports use it).
 */
export function detectDelimiter(firstLine: string): Delimiter {
  const semicolons = firstLine.split(';').length - 1;
  const commas = firstLine.split(',').length - 1;
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** The first line of a text (BOM dropped), for delimiter detection and header checks. */
export function firstLineOf(sample: string): string {
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

export function normaliseHeaderName(name: string): string {
  return name.trim().toLowerCase();
}

export interface HeaderProblem {
  column: string;
  code: 'missing_column' | 'duplicate_column';
}

/** Checks a header row: every required column present, none twice. Returns column → index. */
export function readHeader(names: readonly string[]): {
  index: Map<DirectoryColumn, number>;
  problems: HeaderProblem[];
} {
  const index = new Map<DirectoryColumn, number>();
  const problems: HeaderProblem[] = [];
  names.forEach((raw, i) => {
    const name = normaliseHeaderName(raw) as DirectoryColumn;
    if (!(DIRECTORY_COLUMNS as readonly string[]).includes(name)) return;
    if (index.has(name)) problems.push({ column: name, code: 'duplicate_column' });
    else index.set(name, i);
  });
  for (const column of REQUIRED_COLUMNS) if (!index.has(column)) problems.push({ column, code: 'missing_column' });
  return { index, problems };
}

/**
 * Is this sample (the start of an upload) plausibly a text CSV? Valid UTF-8, no NUL byte, and a first
 * line with the required columns. A truncated last character of the sample is tolerated.
 */
export function inspectCsvSample(
  sample: Buffer,
):
  | { ok: true; delimiter: Delimiter }
  | { ok: false; code: 'not_text' | 'empty' | 'missing_column'; columns?: string[] } {
  if (sample.length === 0) return { ok: false, code: 'empty' };
  if (sample.includes(0)) return { ok: false, code: 'not_text' };
  let text: string;
  try {
    // `stream: true` leaves an incomplete trailing sequence (the sample was cut) undecoded instead of failing.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return { ok: false, code: 'not_text' };
  }
  const line = firstLineOf(text);
  const delimiter = detectDelimiter(line);
  const { problems } = readHeader(line.split(delimiter).map((n) => n.replace(/^"|"$/g, '')));
  const missing = problems.filter((p) => p.code === 'missing_column').map((p) => p.column);
  if (missing.length > 0) return { ok: false, code: 'missing_column', columns: missing };
  return { ok: true, delimiter };
}

/** The csv-parse options of the import: raw arrays (the header is checked by readHeader), with positions. */
export function createDirectoryParser(delimiter: Delimiter): Parser {
  const options: Options = {
    bom: true,
    delimiter,
    info: true,
    trim: true,
    skip_empty_lines: true,
    // Short or long rows are reported per line by the validator instead of stopping the parse.
    relax_column_count: true,
  };
  return parse(options);
}

export interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** The line a record starts on (csv-parse reports where it ends; quoted fields may hold newlines). */
export function startLineOf({ record, info }: ParsedRecord): number {
  let newlines = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) newlines++;
  }
  return info.lines - newlines;
}
