/**
 * The wall's read queries (plain SQL, reviewed like code; benchmarked by bench/wall at 1M ideas and
 * 10M supports, see docs/performance.md). Every query is built from fixed fragments; user input only
 * ever travels as a bound parameter.
 */
import { DATED_WINDOW_MAX_DAYS, filterQuery, searchQuery } from './search.sql';
import { windowedNewestFirst } from './search-windows.sql';
import {
  CARD_COLUMNS,
  COUNTER_COLUMNS,
  narrowing,
  Params,
  PUBLIC_IDEA,
  withCardDetails,
  wordsCondition,
  type SqlQuery,
  type TimeWindow,
  type WallFilters,
} from './wall-fragments.sql';

// What the wall's other modules import from here.
export { COUNTER_COLUMNS, COUNTER_JOIN, PUBLIC_IDEA, type SqlQuery, type WallFilters } from './wall-fragments.sql';
export {
  buildRelevanceFirstPage,
  NEWEST_WINDOWS_DAYS,
  RELEVANCE_MIN_MATCHES,
  RELEVANCE_WINDOWS_DAYS,
  type RelevanceFirstPageParams,
} from './search-windows.sql';

export type WallSort = 'newest' | 'most_supported' | 'trending' | 'relevance';

/**
 * Trending and relevance are read in two segments: first the ranked ones (trending: the ideas of the
 * snapshot, score desc; relevance: the matches of the relevance window, ts_rank desc), then the
 * others, newest first. The cursor says which segment it is in.
 */
export type TrendingSegment = 'hot' | 'rest';

export interface WallQueryParams extends WallFilters {
  sort: WallSort;
  limit: number;
  /** Keyset: the sort key and id of the last row of the previous page (as text, exactly as selected). */
  after?: { key: string; id: string };
  /** Trending only: the snapshot generation read. */
  generation?: string | null;
  /** Trending, ranked segment: read only this many snapshot rows after the cursor (TRENDING_RANK_WINDOW). */
  rankWindow?: number;
  /** Trending and relevance: the segment. */
  segment?: TrendingSegment;
  /** Relevance only: start of the relevance window (ISO timestamp); null or absent = every match is ranked. */
  since?: string | null;
  /**
   * Newest-first listings with words: read them window by window back from `anchor` (a timestamp:
   * the cursor's key, the relevance window's start, or now), in one statement (NEWEST_WINDOWS_DAYS).
   */
  windowsFrom?: string;
}

/**
 * Trending's ranked segment with filters is read in two steps, so that no plan depends on the
 * planner's estimate of the snapshot's size (a stale one made filtered trending pages read the whole
 * snapshot, 0.7–1.5 s at 220 000 rows: issue 15). First the next TRENDING_RANK_WINDOW snapshot rows
 * in rank order, filtered: a bounded index range, enough for any filter that is not rare among the
 * trending ideas. When that does not fill the page and the snapshot goes on, the filtered ideas
 * themselves, each looked up in the snapshot by primary key: bounded by how many ideas pass the
 * filters, which is few exactly when the first step came up short.
 */
export const TRENDING_RANK_WINDOW = 2000;

/** Whether this query lists newest first (so that its words are read window by window). */
export function isNewestFirst(params: Pick<WallQueryParams, 'sort' | 'segment'>): boolean {
  return params.sort === 'newest' || (params.sort !== 'most_supported' && params.segment === 'rest');
}

function filterConditions(
  f: WallFilters,
  p: Params,
  window?: TimeWindow,
  { wordsInParts = false }: { wordsInParts?: boolean } = {},
): string[] {
  const where = [PUBLIC_IDEA];
  // The words and the filters are matched by each window part (windowedNewestFirst).
  if (wordsInParts) return where;
  if (!f.q) return [...where, ...narrowing(f, p)];
  // With words, the filters are matched inside the full-text index (filterQuery: exact lexemes, so
  // no second test on the row), and the window's start is a filter on the few rows it returns:
  // written as index conditions, a plain bound on published_at or status let the planner AND the
  // words' bitmap with ix_idea_wall_newest or ix_idea_status over most of the table (800 000 and
  // 100 000 entries at 1M ideas, 4–22 ms).
  where.push(
    wordsCondition(
      searchQuery(p.add(f.q)),
      filterQuery(f, (v) => p.add(v)),
      window,
    ),
  );
  if (window) where.push(`i.published_at + interval '0' >= ${window.since}`);
  return where;
}

/**
 * The relevance window a query's words are matched in, if any (since → now). Its lower bound joins
 * the conditions (filterConditions).
 */
function timeWindow(params: WallQueryParams, p: Params): TimeWindow | undefined {
  if (params.sort === 'relevance' && params.segment !== 'rest' && params.since) {
    const days = (Date.now() - Date.parse(params.since)) / 86_400_000;
    return { since: `${p.add(params.since)}::timestamptz`, until: 'now()', dated: days <= DATED_WINDOW_MAX_DAYS };
  }
  return undefined;
}

/** Public ideas matching `where`, newest first, keyset on (published_at, id). */
function newestFirst(
  where: string[],
  p: Params,
  limit: string,
  after: { key: string; id: string } | undefined,
  words: boolean,
): SqlQuery {
  if (after) where.push(`(i.published_at, i.id) < (${p.add(after.key)}::timestamptz, ${p.add(after.id)}::uuid)`);
  // With words, the words' index leads and the few matches are sorted: walking ix_idea_wall_newest
  // and testing each idea read the whole table for a word that matches nothing (a typo: 14–19 s at
  // 1M ideas). `+ interval '0'` orders the same but is no index's order.
  const order = words ? `i.published_at + interval '0' DESC, i.id DESC` : `i.published_at DESC, i.id DESC`;
  return {
    text: withCardDetails(
      `SELECT ${CARD_COLUMNS}, i.published_at::text AS sort_key
       FROM idea i
       WHERE ${where.join(' AND ')}
       ORDER BY ${order}
       LIMIT ${limit}`,
      'w.published_at DESC, w.id DESC',
    ),
    values: p.values,
  };
}

/** Most supported first: read from the counters' index (ix_idea_counter_supported) down, each idea by primary key. */
function mostSupported(where: string[], p: Params, limit: string, after: WallQueryParams['after']): SqlQuery {
  if (after) where.push(`(n.support_count, n.idea_id) < (${p.add(after.key)}::int, ${p.add(after.id)}::uuid)`);
  return {
    text: withCardDetails(
      `SELECT ${CARD_COLUMNS}, ${COUNTER_COLUMNS}, n.support_count::text AS sort_key
       FROM idea_counter n JOIN idea i ON i.id = n.idea_id
       WHERE ${where.join(' AND ')}
       ORDER BY n.support_count DESC, n.idea_id DESC
       LIMIT ${limit}`,
      'w.support_count DESC, w.id DESC',
      { counters: false },
    ),
    values: p.values,
  };
}

/**
 * The matches of the relevance window, most relevant first. ts_rank is a real; its text form
 * round-trips exactly, so the keyset compares equal values. Computed once per match in `m`
 * (OFFSET 0 keeps it a subquery: flattened, the rank was computed again for the keyset, the sort and
 * the key).
 */
function mostRelevant(where: string[], p: Params, limit: string, after: WallQueryParams['after'], q: string): SqlQuery {
  const rank = `ts_rank(i.search_document, ${searchQuery(p.add(q))})`;
  const keyset = after ? `WHERE (m.sort_rank, m.id) < (${p.add(after.key)}::real, ${p.add(after.id)}::uuid)` : '';
  return {
    text: withCardDetails(
      `SELECT m.*, m.sort_rank::text AS sort_key
       FROM (SELECT ${CARD_COLUMNS}, ${rank} AS sort_rank FROM idea i WHERE ${where.join(' AND ')} OFFSET 0) m
       ${keyset}
       ORDER BY m.sort_rank DESC, m.id DESC
       LIMIT ${limit}`,
      'w.sort_rank DESC, w.id DESC',
    ),
    values: p.values,
  };
}

/**
 * One page of the wall, `limit + 1` rows (the extra row tells whether there is a next page).
 * Every row carries `sort_key` (text), the value the next page's keyset starts after.
 */
export function buildWallQuery(params: WallQueryParams): SqlQuery {
  const p = new Params();
  const windowed = params.q && params.windowsFrom !== undefined && isNewestFirst(params);
  // Read window by window, the words belong to each window's part (windowedNewestFirst).
  const where = filterConditions(params, p, timeWindow(params, p), { wordsInParts: Boolean(windowed) });
  const limit = p.add(params.limit + 1);
  const after = params.after;
  const listNewestFirst = () =>
    windowed
      ? windowedNewestFirst(
          where,
          p,
          limit,
          after,
          { ...params, q: params.q! },
          {
            at: params.windowsFrom!,
            now: !after && !params.since,
          },
        )
      : newestFirst(where, p, limit, after, Boolean(params.q));

  switch (params.sort) {
    case 'newest': {
      return listNewestFirst();
    }
    case 'most_supported':
      return mostSupported(where, p, limit, after);
    case 'relevance': {
      if (!params.q) throw new Error('relevance needs q');
      const since = params.since ?? null;
      if (params.segment === 'rest') {
        // The matches older than the relevance window, newest first.
        if (since === null) throw new Error('the rest segment needs a window');
        // Not an index condition (windowedNewestFirst says why): the words' index leads.
        where.push(`i.published_at + interval '0' < ${p.add(since)}::timestamptz`);
        return listNewestFirst();
      }
      return mostRelevant(where, p, limit, after, params.q);
    }
    case 'trending': {
      const generation = params.generation ?? null;
      if (params.segment !== 'rest' && generation !== null)
        return trendingHot(where, p, limit, { ...params, generation }, filterCount(params) > 0);
      // The rest: public ideas outside the snapshot, newest first.
      if (generation !== null)
        where.push(
          // A plain key look-up: the candidates are few (newest first, LIMIT), so the planner probes.
          `NOT EXISTS (SELECT 1 FROM idea_trending t WHERE t.generation = ${p.add(generation)}::bigint AND t.idea_id = i.id)`,
        );
      return listNewestFirst();
    }
  }
}

/** How many filters narrow the listing (beyond "public"). */
function filterCount(f: WallFilters): number {
  return [f.q, f.kind, f.stage, f.campaignId, f.orgUnitId, f.theme].filter((v) => v !== undefined && v !== '').length;
}

/**
 * The snapshot's ideas, score desc, that pass the filters. Never planned on a guess of how many rows
 * the snapshot holds (TRENDING_RANK_WINDOW says why):
 * - with `rankWindow`: the next `rankWindow` snapshot rows in rank order (an index range of
 *   ix_idea_trending_rank, fenced by its LIMIT), then their ideas by primary key;
 * - without, and with filters: the filtered public ideas first, each probing the snapshot through
 *   ix_idea_trending_probe (the LATERAL … OFFSET 0 keeps that join a nested loop), then the sort;
 * - without, and no filter: the rank walk, which stops as soon as the page is full.
 */
function trendingHot(
  where: string[],
  p: Params,
  limit: string,
  params: WallQueryParams & { generation: string },
  filtered: boolean,
): SqlQuery {
  const g = p.add(params.generation);
  const snapshot = [`t.generation = ${g}::bigint`];
  const after = params.after;
  if (after) snapshot.push(`(t.score, t.idea_id) < (${p.add(after.key)}::float8, ${p.add(after.id)}::uuid)`);
  let from: string;
  if (params.rankWindow !== undefined)
    from = `(SELECT t.idea_id, t.score FROM idea_trending t WHERE ${snapshot.join(' AND ')}
             ORDER BY t.score DESC, t.idea_id DESC LIMIT ${p.add(params.rankWindow)}) t
            JOIN idea i ON i.id = t.idea_id`;
  else if (filtered) {
    // `generation + 0`: not an index condition, so the probe can only go through ix_idea_trending_probe.
    const probe = [`t.generation + 0 = ${g}::bigint`, ...snapshot.slice(1)];
    from = `idea i CROSS JOIN LATERAL (
              SELECT t.idea_id, t.score FROM idea_trending t WHERE t.idea_id = i.id AND ${probe.join(' AND ')} OFFSET 0) t`;
  } else {
    from = `idea_trending t JOIN idea i ON i.id = t.idea_id`;
    where.push(...snapshot);
  }
  return {
    text: withCardDetails(
      `SELECT ${CARD_COLUMNS}, t.score::text AS sort_key, t.score AS sort_score
       FROM ${from}
       WHERE ${where.join(' AND ')}
       ORDER BY t.score DESC, t.idea_id DESC
       LIMIT ${limit}`,
      'w.sort_score DESC, w.id DESC',
    ),
    values: p.values,
  };
}

/**
 * How many snapshot rows a rank window after `after` holds (at most `rankWindow`): fewer means the
 * window reached the end of the snapshot, so its page is complete even when short.
 */
export function buildTrendingWindowCount(
  generation: string,
  rankWindow: number,
  after?: { key: string; id: string },
): SqlQuery {
  const p = new Params();
  const where = [`t.generation = ${p.add(generation)}::bigint`];
  if (after) where.push(`(t.score, t.idea_id) < (${p.add(after.key)}::float8, ${p.add(after.id)}::uuid)`);
  return {
    text: `SELECT count(*)::int AS n FROM (
      SELECT 1 FROM idea_trending t WHERE ${where.join(' AND ')}
      ORDER BY t.score DESC, t.idea_id DESC LIMIT ${p.add(rankWindow)}) w`,
    values: p.values,
  };
}

/** A public idea as a card (wall, similar, linked), with its counters (COUNTER_COLUMNS). */
export interface IdeaCardRow {
  id: string;
  kind: 'problem' | 'solution';
  status: string;
  title: string;
  summary: string;
  support_count: number;
  comment_count: number;
}

/** A wall row as the driver returns it. */
export interface WallRow extends IdeaCardRow {
  themes: string[];
  published_at: Date;
  campaign_id: string | null;
  campaign_title: string | null;
  org_unit_id: string | null;
  org_unit_name: string | null;
  sort_key: string;
  /** The first page of a relevance search only: the window chosen (RELEVANCE_WINDOWS_DAYS; null: none). */
  window_days?: number | null;
}

/** Ids of existing rows, to tell an unknown filter value (400 naming the field) from an empty result. */
export const CAMPAIGN_EXISTS = `SELECT 1 FROM campaign WHERE id = $1`;

export const ORG_UNIT_EXISTS = `SELECT 1 FROM org_unit WHERE id = $1`;

export const THEME_EXISTS = `SELECT 1 FROM theme WHERE key = $1`;
