import { ValidationFailed } from '@eclore/domain';
import type { TrendingSegment, WallSort } from './sql/wall.sql';

/**
 * The wall's opaque keyset cursor: the sort, the sort key and id of the last row shown, for
 * trending the snapshot generation and segment, for relevance the segment and window. base64url JSON; decoding checks the shape and that it
 * belongs to the sort asked for, so a tampered or mismatched cursor is a 400 naming `cursor`.
 */
export interface WallCursor {
  sort: WallSort;
  key: string;
  id: string;
  generation?: string;
  segment?: TrendingSegment;
  /** Relevance: start of the relevance window chosen on the first page (ISO), absent = all matches ranked. */
  since?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeWallCursor(c: WallCursor): string {
  return Buffer.from(
    JSON.stringify([c.sort, c.key, c.id, c.generation ?? null, c.segment ?? null, c.since ?? null]),
    'utf8',
  ).toString('base64url');
}

function invalid(message: string): ValidationFailed {
  return new ValidationFailed([{ field: 'cursor', code: 'invalidCursor', message }]);
}

export function decodeWallCursor(cursor: string, sort: WallSort): WallCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The cursor is not one this API returned.');
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) throw invalid('The cursor is not one this API returned.');
  const [s, key, id, generation, segment, since] = parsed as unknown[];
  if (typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id) || key.length > 100)
    throw invalid('The cursor is not one this API returned.');
  if (s !== sort) throw invalid('The cursor belongs to another sort; start again from the first page.');
  // Keys are checked by form so that PostgreSQL's casts never see garbage (a 400, not a 500).
  const numeric = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;
  const timestamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}(:\d{2})?$/;
  const seg = segment === 'hot' || segment === 'rest' ? segment : undefined;
  const byDate = sort === 'newest' || ((sort === 'trending' || sort === 'relevance') && seg === 'rest');
  const keyOk = byDate ? timestamp.test(key) : numeric.test(key);
  if (!keyOk) throw invalid('The cursor is not one this API returned.');
  if (sort === 'relevance') {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    if (
      !seg ||
      (since !== null && (typeof since !== 'string' || !iso.test(since))) ||
      (seg === 'rest' && since === null)
    )
      throw invalid('The cursor is not one this API returned.');
    return { sort, key, id, segment: seg, ...(since !== null ? { since: since as string } : {}) };
  }
  if (sort === 'trending') {
    if (!seg || (generation !== null && (typeof generation !== 'string' || !/^\d{1,18}$/.test(generation))))
      throw invalid('The cursor is not one this API returned.');
    return { sort, key, id, segment: seg, ...(generation !== null ? { generation: generation as string } : {}) };
  }
  return { sort, key, id };
}
