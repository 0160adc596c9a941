import { cursorField as f, defineCursor, invalidCursor } from '@eclore/server-platform';
import type { TrendingSegment, WallSort } from './sql/wall.sql';

/**
 * The wall's opaque keyset cursor: the sort, the sort key and id of the last row shown, for
 * trending the snapshot generation and segment, for relevance the segment and window. Decoding (the
 * platform's codec) checks each field against the SQL cast it feeds, and here that the key's kind
 * matches the sort and segment, so a tampered or mismatched cursor is a 400 naming `cursor`.
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

const codec = defineCursor({
  sort: f.oneOf<WallSort>(['newest', 'most_supported', 'trending', 'relevance']),
  key: f.text(100),
  id: f.uuid,
  generation: f.nullable(f.int8),
  segment: f.nullable(f.oneOf<TrendingSegment>(['hot', 'rest'])),
  since: f.nullable(f.isoTimestamp),
});

export function encodeWallCursor(c: WallCursor): string {
  return codec.encode({
    sort: c.sort,
    key: c.key,
    id: c.id,
    generation: c.generation ?? null,
    segment: c.segment ?? null,
    since: c.since ?? null,
  });
}

/** The cast each sort's key goes through (wall.sql.ts): ::timestamptz, ::int, ::real, ::float8. */
function keyKind(sort: WallSort, segment: TrendingSegment | null) {
  if (sort === 'newest' || segment === 'rest') return f.pgTimestamp;
  if (sort === 'most_supported') return f.int4;
  return sort === 'relevance' ? f.float4 : f.float8;
}

export function decodeWallCursor(cursor: string, sort: WallSort): WallCursor {
  const { sort: s, key, id, generation, segment, since } = codec.decode(cursor);
  if (s !== sort) throw invalidCursor('cursor', 'The cursor belongs to another sort; start again from the first page.');
  const ranked = sort === 'trending' || sort === 'relevance';
  if (ranked !== (segment !== null) || !keyKind(sort, segment).check(key)) throw invalidCursor();
  if (sort === 'relevance') {
    if (generation !== null || (segment === 'rest' && since === null)) throw invalidCursor();
    return { sort, key, id, segment: segment!, ...(since !== null ? { since } : {}) };
  }
  if (since !== null) throw invalidCursor();
  if (sort === 'trending') return { sort, key, id, segment: segment!, ...(generation !== null ? { generation } : {}) };
  if (generation !== null) throw invalidCursor();
  return { sort, key, id };
}
