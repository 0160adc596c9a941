import { ValidationFailed, type IdeaStatus } from '@eclore/domain';

/**
 * A column's opaque keyset cursor: the column, and the "in this status since" key (as PostgreSQL
 * printed it, so no precision is lost) and id of the last card shown. base64url JSON; a tampered
 * cursor, or one from another column, is a 400 naming `cursor`.
 */
export interface PortfolioCursor {
  status: IdeaStatus;
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}(:\d{2})?$/;

export function encodePortfolioCursor(c: PortfolioCursor): string {
  return Buffer.from(JSON.stringify([c.status, c.key, c.id]), 'utf8').toString('base64url');
}

export function decodePortfolioCursor(cursor: string, status: IdeaStatus): PortfolioCursor {
  const invalid = (message: string) => new ValidationFailed([{ field: 'cursor', code: 'invalidCursor', message }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The cursor is not one this API returned.');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid('The cursor is not one this API returned.');
  const [s, key, id] = parsed as unknown[];
  // Checked by form so that PostgreSQL's casts never see garbage (a 400, not a 500).
  if (typeof key !== 'string' || !TIMESTAMP.test(key) || typeof id !== 'string' || !UUID.test(id))
    throw invalid('The cursor is not one this API returned.');
  if (s !== status) throw invalid('The cursor belongs to another column.');
  return { status, key, id };
}
