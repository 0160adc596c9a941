import { ValidationFailed } from '@eclore/domain';

/**
 * Opaque keyset cursors: the sort key of the last row of a page, JSON in base64url. Decoding checks
 * the shape, so a tampered cursor is a 400 naming the field rather than a 500.
 */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'cursor'): string[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === 'string'))
      return parsed as string[];
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailed([{ field, code: 'invalidCursor', message: 'The cursor is not one this API returned.' }]);
}

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
