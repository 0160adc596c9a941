/**
 * The wall's read queries (plain SQL, reviewed like code; benchmarked by bench/wall at 1M ideas and
 * 10M supports, see docs/performance.md). Every query is built from fixed fragments; user input only
 * ever travels as a bound parameter.
 */

/**
 * On the wall: the SQL twin of the domain's `isPublic` (published, not hidden, not back in the
 * authors' or the checker's hands). wall.int-spec.ts checks that both agree on every status. The
 * partial index ix_idea_wall_supported repeats this predicate word for word so the planner can use it.
 */
export const PUBLIC_IDEA = `i.published_at IS NOT NULL AND i.hidden_at IS NULL AND i.status NOT IN ('emerge', 'collect', 'returned')`;

/**
 * A search in French OR English, accents ignored, inflection removed by each language's stemmer
 * ("vélos" and "velo" → velo; "bikes" → bike). websearch_to_tsquery never fails on user syntax.
 */
export const searchQuery = (param: string): string =>
  `(websearch_to_tsquery('french', unaccent_immutable(${param})) || websearch_to_tsquery('english', unaccent_immutable(${param})))`;

export type WallSort = 'newest' | 'most_supported' | 'trending' | 'relevance';

/**
 * Trending and relevance are read in two segments: first the ranked ones (trending: the ideas of the
 * snapshot, score desc; relevance: the matches of the relevance window, ts_rank desc), then the
 * others, newest first. The cursor says which segment it is in.
 */
export type TrendingSegment = 'hot' | 'rest';

/**
 * Relevance ranks a bounded set of matches: ranking every match of a broad word (1 % of a million
 * ideas) reads every one of them from the heap, tens of milliseconds per query. The set is the matches
 * published in the most recent of these windows that holds at least RELEVANCE_MIN_MATCHES of them;
 * when none does, every match is ranked (so a narrow search ranks everything, as before). Within the
 * window ts_rank orders them (title above summary above body); older matches follow, newest first.
 * The window is an index range (ix_idea_wall_newest) that PostgreSQL intersects with the GIN index.
 */
export const RELEVANCE_WINDOWS_DAYS = [30, 90, 365] as const;
export const RELEVANCE_MIN_MATCHES = 100;

export interface WallFilters {
  q?: string;
  kind?: string;
  stage?: string;
  campaignId?: string;
  orgUnitId?: string;
  theme?: string;
}

/** Keyset: the sort key and id of the last row of the previous page (as text, exactly as selected). */
export interface WallKey {
  key: string;
  id: string;
}

export interface WallQueryParams extends WallFilters {
  sort: WallSort;
  limit: number;
  after?: WallKey;
  /** Trending only: the snapshot generation read. */
  generation?: string | null;
  /** Trending and relevance: the segment. */
  segment?: TrendingSegment;
  /** Relevance only: start of the relevance window (ISO timestamp); null or absent = every match is ranked. */
  since?: string | null;
  /**
   * Newest-first listings only: read just the ideas published within `days` before `anchor` (a
   * timestamp: the cursor's key, or now). See `newestFirstWindows`.
   */
  recent?: { anchor: string; days: number };
}

/**
 * A newest-first listing filtered by words is read window by window, back from the cursor (or now):
 * first the matches of the previous 30 days, then 90, 365, then all. The first window that fills the
 * page gives exactly the page the unbounded query would (every older match sorts after it). Why: with
 * `ORDER BY published_at DESC LIMIT n`, PostgreSQL walks ix_idea_wall_newest and tests every idea
 * against the words; for a word in 0.2 % of ideas that reads ~10 000 ideas from the heap (seconds when
 * they are not cached). A window is an index range it intersects with the GIN index instead.
 */
export const NEWEST_WINDOWS_DAYS = [30, 90, 365] as const;

/** Whether this query lists newest first (so that `recent` windows apply). */
export function isNewestFirst(params: Pick<WallQueryParams, 'sort' | 'segment'>): boolean {
  return params.sort === 'newest' || (params.sort !== 'most_supported' && params.segment === 'rest');
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** The columns of a wall card. No author column is ever selected: the wall shows nobody's name. */
const CARD_COLUMNS = `
  i.id, i.kind, i.status, i.title, i.summary, i.support_count, i.comment_count, i.themes,
  i.published_at, i.campaign_id, c.title AS campaign_title, i.org_unit_id, u.name AS org_unit_name`;

const CARD_JOINS = `
  LEFT JOIN campaign c ON c.id = i.campaign_id
  LEFT JOIN org_unit u ON u.id = i.org_unit_id`;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function filterConditions(f: WallFilters, p: Params): string[] {
  const where = [PUBLIC_IDEA];
  if (f.q) where.push(`i.search_document @@ ${searchQuery(p.add(f.q))}`);
  if (f.kind) where.push(`i.kind = ${p.add(f.kind)}`);
  if (f.stage) where.push(`i.status = ${p.add(f.stage)}`);
  if (f.campaignId) where.push(`i.campaign_id = ${p.add(f.campaignId)}::uuid`);
  // The unit and its whole subtree (org_unit.path lists a unit's ancestors and itself).
  if (f.orgUnitId)
    where.push(`i.org_unit_id IN (SELECT ou.id FROM org_unit ou WHERE ${p.add(f.orgUnitId)}::uuid = ANY (ou.path))`);
  if (f.theme) where.push(`i.themes @> ARRAY[${p.add(f.theme)}::text]`);
  return where;
}

/** How a page is ordered: by `key` then `id`, both descending; `sort_key` carries the key as text. */
interface Keyset {
  key: string;
  /** The SQL type the key's text form is read back as, for the next page. */
  cast: 'timestamptz' | 'int' | 'real' | 'float8';
  id?: string;
  from?: string;
  /** Columns beyond the card and its sort key. */
  extra?: string;
}

/** Public ideas matching `where`, in `order`, starting after the previous page's last row. */
function keysetPage(where: string[], p: Params, limit: string, after: WallKey | undefined, order: Keyset): SqlQuery {
  const id = order.id ?? 'i.id';
  if (after) where.push(`(${order.key}, ${id}) < (${p.add(after.key)}::${order.cast}, ${p.add(after.id)}::uuid)`);
  return {
    text: `SELECT ${CARD_COLUMNS}, ${order.key}::text AS sort_key${order.extra ?? ''}
      FROM ${order.from ?? 'idea i'} ${CARD_JOINS}
      WHERE ${where.join(' AND ')}
      ORDER BY ${order.key} DESC, ${id} DESC
      LIMIT ${limit}`,
    values: p.values,
  };
}

/** Public ideas matching `where`, newest first (within the `recent` days when given). */
function newestFirst(
  where: string[],
  p: Params,
  limit: string,
  after?: WallKey,
  recent?: { anchor: string; days: number },
): SqlQuery {
  if (recent)
    where.push(`i.published_at >= ${p.add(recent.anchor)}::timestamptz - make_interval(days => ${p.add(recent.days)})`);
  return keysetPage(where, p, limit, after, { key: 'i.published_at', cast: 'timestamptz' });
}

/**
 * One page of the wall, `limit + 1` rows (the extra row tells whether there is a next page).
 * Every row carries `sort_key` (text), the value the next page's keyset starts after.
 */
export function buildWallQuery(params: WallQueryParams): SqlQuery {
  const p = new Params();
  const where = filterConditions(params, p);
  const limit = p.add(params.limit + 1);
  const after = params.after;

  switch (params.sort) {
    case 'newest':
      return newestFirst(where, p, limit, after, params.recent);
    case 'most_supported':
      return keysetPage(where, p, limit, after, { key: 'i.support_count', cast: 'int' });
    case 'relevance':
      return relevancePage(params, where, p, limit);
    case 'trending': {
      const generation = params.generation ?? null;
      if (params.segment !== 'rest' && generation !== null) {
        where.unshift(`t.generation = ${p.add(generation)}::bigint`);
        const from = 'idea_trending t JOIN idea i ON i.id = t.idea_id';
        return keysetPage(where, p, limit, after, { key: 't.score', cast: 'float8', id: 't.idea_id', from });
      }
      // The rest: public ideas outside the snapshot, newest first.
      if (generation !== null)
        where.push(
          `NOT EXISTS (SELECT 1 FROM idea_trending t WHERE t.generation = ${p.add(generation)}::bigint AND t.idea_id = i.id)`,
        );
      return newestFirst(where, p, limit, after, params.recent);
    }
  }
}

/** The relevance sort: ranked within the window (`since`), or the older matches newest first. */
function relevancePage(params: WallQueryParams, where: string[], p: Params, limit: string): SqlQuery {
  if (!params.q) throw new Error('relevance needs q');
  const since = params.since ?? null;
  if (params.segment === 'rest') {
    // The matches older than the relevance window, newest first.
    if (since === null) throw new Error('the rest segment needs a window');
    where.push(`i.published_at < ${p.add(since)}::timestamptz`);
    return newestFirst(where, p, limit, params.after, params.recent);
  }
  if (since !== null) where.push(`i.published_at >= ${p.add(since)}::timestamptz`);
  // ts_rank is a real; its text form round-trips exactly, so the keyset compares equal values.
  const rank = `ts_rank(i.search_document, ${searchQuery(p.add(params.q))})`;
  // window_matches: how many matches the window holds (before LIMIT), to tell whether it is wide enough.
  const extra = ', count(*) OVER ()::int AS window_matches';
  return keysetPage(where, p, limit, params.after, { key: rank, cast: 'real', extra });
}

/** The columns every public idea card reads (the wall's and the similar ideas'). */
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
  /** Relevance (ranked segment) only: the matches in the window, LIMIT aside. */
  window_matches?: number;
}

/** Ids of existing rows, to tell an unknown filter value (400 naming the field) from an empty result. */
export const CAMPAIGN_EXISTS = `SELECT 1 FROM campaign WHERE id = $1`;
export const ORG_UNIT_EXISTS = `SELECT 1 FROM org_unit WHERE id = $1`;
export const THEME_EXISTS = `SELECT 1 FROM theme WHERE key = $1`;
