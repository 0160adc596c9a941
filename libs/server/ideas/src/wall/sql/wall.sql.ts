/**
 * The wall's read queries (plain SQL, reviewed like code; benchmarked by bench/wall at 1M ideas and
 * 10M supports, see docs/performance.md). Every query is built from fixed fragments; user input only
 * ever travels as a bound parameter.
 */
import { DATED_DOCUMENT, DATED_WINDOW_MAX_DAYS, filterQuery, searchQuery } from './search.sql';

/**
 * On the wall: the SQL twin of the domain's `isPublic` (published, not hidden, not back in the
 * authors' or the checker's hands). wall.int-spec.ts checks that both agree on every status. The
 * partial index ix_idea_wall_supported repeats this predicate word for word so the planner can use it.
 */
export const PUBLIC_IDEA = `i.published_at IS NOT NULL AND i.hidden_at IS NULL AND i.status NOT IN ('emerge', 'collect', 'returned')`;

/** A window of publication, as SQL expressions (bound parameters, now()). */
interface TimeWindow {
  since: string;
  until: string;
  /** Whether the words are matched with the window's weeks (DATED_WINDOW_MAX_DAYS). */
  dated: boolean;
}

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
 * The window's weeks are matched inside the full-text index (DATED_DOCUMENT), so a window costs what
 * it holds: the 7-day window (issue 15) keeps a word found in one idea of ten to ~6 000 candidates at
 * 1M ideas instead of ~27 000 for 30 days (a cache-missing search's PostgreSQL CPU is the target);
 * a word needs ~100 matches in a week (1.5 % of ideas at that rate) to be ranked within it.
 */
export const RELEVANCE_WINDOWS_DAYS = [7, 30, 90, 365] as const;
export const RELEVANCE_MIN_MATCHES = 100;

export interface WallFilters {
  q?: string;
  kind?: string;
  stage?: string;
  campaignId?: string;
  orgUnitId?: string;
  theme?: string;
}

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

/** The first page of a relevance search: the filters, and the start of each relevance window (ISO). */
export interface RelevanceFirstPageParams extends WallFilters {
  q: string;
  limit: number;
  /** The start of each window of RELEVANCE_WINDOWS_DAYS, in that order. */
  since: readonly string[];
}

/**
 * A newest-first listing filtered by words is read window by window, back from the cursor (or now):
 * first the matches of the previous 7 days, then those of the 30, then 90 days before, then every
 * older match. The first windows that fill the page give exactly the page the unbounded query would
 * (every older match sorts after them). Why: with `ORDER BY published_at DESC LIMIT n`, PostgreSQL
 * walks ix_idea_wall_newest and tests every idea against the words; for a word in 0.2 % of ideas that
 * reads ~10 000 ideas from the heap (seconds when they are not cached). The windows are matched inside
 * the full-text index instead (DATED_DOCUMENT), all in one statement (windowParts).
 */
export const NEWEST_WINDOWS_DAYS = [7, 30, 90] as const;

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

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * An idea's counters (`n`), from their own narrow table (migration IdeaCounters): a support or a
 * comment never rewrites the idea row and its search index. Every idea has its row (made by a
 * trigger with the idea); the coalesce only keeps a card whole if one were missing.
 */
export const COUNTER_JOIN = `LEFT JOIN idea_counter n ON n.idea_id = i.id`;
export const COUNTER_COLUMNS = `coalesce(n.support_count, 0) AS support_count, coalesce(n.comment_count, 0) AS comment_count`;

/**
 * The idea's own columns of a wall card. No author column is ever selected: the wall shows nobody's name.
 * The campaign's title, the unit's name and the counters are joined after the page's LIMIT
 * (withCardDetails): joined inside, they were looked up for every match a search sorts or a filter
 * tests (785 rows for "vélos" in its 30-day window), not just for the page's 21 rows.
 */
const CARD_COLUMNS = `
  i.id, i.kind, i.status, i.title, i.summary, i.themes, i.published_at, i.campaign_id, i.org_unit_id`;

/**
 * A page (`page`, with CARD_COLUMNS and its sort columns, already limited) with the rest of each card.
 * `order` repeats the page's order on the subquery's columns (a join keeps no order).
 */
interface CardDetails {
  /** False when the page already carries the counters (most supported reads them first). */
  counters?: boolean;
  /** The page's WITH clause. */
  ctes?: string;
  /** A one-row relation whose `columns` join every row, and that keeps one row when the page is empty. */
  alongside?: { from: string; columns: string };
}

function withCardDetails(page: string, order: string, { counters = true, ctes, alongside }: CardDetails = {}): string {
  const n = counters ? `, ${COUNTER_COLUMNS}` : '';
  return `${ctes ? `WITH ${ctes}\n` : ''}SELECT ${alongside ? `${alongside.columns}, ` : ''}w.*, c.title AS campaign_title, u.name AS org_unit_name${n}
    FROM ${alongside ? `${alongside.from} LEFT JOIN (${page}) w ON true` : `(${page}) w`}
    LEFT JOIN campaign c ON c.id = w.campaign_id
    LEFT JOIN org_unit u ON u.id = w.org_unit_id
    ${counters ? 'LEFT JOIN idea_counter n ON n.idea_id = w.id' : ''}
    ORDER BY ${order}`;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function filterConditions(f: WallFilters, p: Params, window?: TimeWindow): string[] {
  const where = [PUBLIC_IDEA];
  if (f.q)
    where.push(
      wordsCondition(
        searchQuery(p.add(f.q)),
        filterQuery(f, (v) => p.add(v)),
        window,
      ),
    );
  // Matched through its weeks, the window's exact start is a filter on those few rows: written as
  // an index condition, the planner also read ix_idea_wall_newest over the whole window (22 000
  // entries at 1M ideas) to intersect bitmaps with what the weeks had already narrowed.
  if (window) where.push(`i.published_at${window.dated ? ` + interval '0'` : ''} >= ${window.since}`);
  return [...where, ...narrowing(f, p)];
}

/**
 * The words matched in the index: with the window's weeks and the filters through DATED_DOCUMENT
 * when there is either (`window.dated`, `filters` not null), otherwise in the plain document.
 */
function wordsCondition(words: string, filters: string | null, window?: TimeWindow): string {
  const narrowed = [
    words,
    ...(window?.dated ? [`idea_weeks(${window.since}, ${window.until})`] : []),
    ...(filters ? [filters] : []),
  ];
  return narrowed.length > 1 ? `${DATED_DOCUMENT} @@ (${narrowed.join(' && ')})` : `i.search_document @@ ${words}`;
}

/**
 * The filters that narrow a listing beyond "public" and its words: kind, stage, campaign, unit,
 * theme. Tested on each row even when the index already matched them (filterQuery): exact, and cheap
 * on the few rows the index returns.
 */
function narrowing(f: WallFilters, p: Params): string[] {
  const where: string[] = [];
  if (f.kind) where.push(`i.kind = ${p.add(f.kind)}`);
  if (f.stage) where.push(`i.status = ${p.add(f.stage)}`);
  if (f.campaignId) where.push(`i.campaign_id = ${p.add(f.campaignId)}::uuid`);
  // The unit and its whole subtree (org_unit.path lists a unit's ancestors and itself).
  if (f.orgUnitId)
    where.push(`i.org_unit_id IN (SELECT ou.id FROM org_unit ou WHERE ${p.add(f.orgUnitId)}::uuid = ANY (ou.path))`);
  if (f.theme) where.push(`i.themes @> ARRAY[${p.add(f.theme)}::text]`);
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

/**
 * One part of a search read window by window (newest first or relevance): the public ideas matching
 * the words in [from, to) — through the document's weeks for a window of up to DATED_WINDOW_MAX_DAYS
 * (`to` null: up to `until`), through the plain document for everything before `to` (`from` null) —
 * and `where`. Each part reads only its own window, so none repeats another's work.
 */
interface WindowPart {
  from: string | null;
  to: string | null;
}

function windowPartConditions(part: WindowPart, words: string, until: string, filters: string | null = null): string[] {
  if (part.from === null) return [wordsCondition(words, filters), `i.published_at + interval '0' < ${part.to}`];
  const conditions = [
    wordsCondition(words, filters, { since: part.from, until: part.to ?? until, dated: true }),
    `i.published_at + interval '0' >= ${part.from}`,
  ];
  if (part.to !== null) conditions.push(`i.published_at + interval '0' < ${part.to}`);
  return conditions;
}

/** Successive windows back from `anchor`: [anchor − d₁, …), [anchor − d₂, anchor − d₁), …, then everything older. */
function windowParts(anchor: string, days: readonly number[]): WindowPart[] {
  const start = (d: number) => `${anchor} - interval '${d} days'`;
  return [
    ...days.map((d, k) => ({ from: start(d), to: k === 0 ? null : start(days[k - 1]!) })),
    { from: null, to: start(days[days.length - 1]!) },
  ];
}

/**
 * Each part as a MATERIALIZED CTE (p0, p1, …) that is scanned only while `stillShort(k)` holds: a
 * condition on the earlier parts' counts, which PostgreSQL evaluates once before the scan (a
 * one-time filter), so a window that is not needed costs nothing.
 */
function partCtes(parts: readonly ((gate: string[]) => string)[], stillShort: (earlier: string) => string): string {
  return parts
    .map((body, k) => {
      const earlier = parts
        .slice(0, k)
        .map((_, j) => `(SELECT count(*) FROM p${j})`)
        .join(' + ');
      return `p${k} AS MATERIALIZED (${body(k === 0 ? [] : [stillShort(earlier)])})`;
    })
    .join(',\n');
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

/**
 * `newestFirst` for words, window by window (NEWEST_WINDOWS_DAYS) in one statement: each part keeps
 * its newest `limit` rows, and is scanned only while the newer parts hold fewer. `where` holds
 * everything but the words.
 */
function windowedNewestFirst(
  where: string[],
  p: Params,
  limit: string,
  after: { key: string; id: string } | undefined,
  f: WallFilters & { q: string },
  anchorAt: string,
): SqlQuery {
  if (after) where.push(`(i.published_at, i.id) < (${p.add(after.key)}::timestamptz, ${p.add(after.id)}::uuid)`);
  const words = searchQuery(p.add(f.q));
  const filters = filterQuery(f, (v) => p.add(v));
  const anchor = `${p.add(anchorAt)}::timestamptz`;
  // Up to now at least: an idea published since the anchor was taken (another clock) still counts.
  const until = `greatest(${anchor}, now())`;
  const parts = windowParts(anchor, NEWEST_WINDOWS_DAYS).map(
    (part) => (gate: string[]) => `SELECT ${CARD_COLUMNS}, i.published_at::text AS sort_key
       FROM idea i
       WHERE ${[...gate, ...where, ...windowPartConditions(part, words, until, filters)].join(' AND ')}
       ORDER BY i.published_at + interval '0' DESC, i.id DESC
       LIMIT ${limit}`,
  );
  const union = parts.map((_, k) => `SELECT * FROM p${k}`).join(' UNION ALL ');
  return {
    text: withCardDetails(
      `SELECT * FROM (${union}) m ORDER BY m.published_at DESC, m.id DESC LIMIT ${limit}`,
      'w.published_at DESC, w.id DESC',
      { ctes: partCtes(parts, (earlier) => `${earlier} < ${limit}`) },
    ),
    values: p.values,
  };
}

/**
 * The first page of a relevance search, with its window chosen (RELEVANCE_WINDOWS_DAYS) in the same
 * statement: the words' matches of the last 7 days, then only if they are fewer than
 * RELEVANCE_MIN_MATCHES those of the 30, then 90 days before, then every older match; the window is
 * the narrowest holding RELEVANCE_MIN_MATCHES matches of the words, filters aside (a filter narrows
 * what is shown, not how recent the ranked matches are: counting the filtered ones sent filtered
 * searches to their widest, dearest windows), and its matches that pass the filters are ranked. Every
 * row carries `window_days` (null: every match is ranked); an empty page is one row of nulls but it.
 */
export function buildRelevanceFirstPage(params: RelevanceFirstPageParams): SqlQuery {
  const p = new Params();
  const words = searchQuery(p.add(params.q));
  const since = RELEVANCE_WINDOWS_DAYS.map((d, k) => ({ days: d, at: `${p.add(params.since[k])}::timestamptz` }));
  const dated = since.filter((w) => w.days <= DATED_WINDOW_MAX_DAYS);
  const undated = since.filter((w) => w.days > DATED_WINDOW_MAX_DAYS);
  const partsOf: WindowPart[] = [
    ...dated.map((w, k) => ({ from: w.at, to: k === 0 ? null : dated[k - 1]!.at })),
    { from: null, to: dated[dated.length - 1]!.at },
  ];
  const narrow = narrowing(params, p);
  const rank = `ts_rank(i.search_document, ${words})`;
  const parts = partsOf.map(
    (part) => (gate: string[]) =>
      `SELECT ${CARD_COLUMNS}, ${narrow.length ? `CASE WHEN ${narrow.join(' AND ')} THEN ${rank} END` : rank} AS sort_rank
       FROM idea i
       WHERE ${[...gate, PUBLIC_IDEA, ...windowPartConditions(part, words, 'now()')].join(' AND ')}`,
  );
  const min = RELEVANCE_MIN_MATCHES;
  const last = `p${parts.length - 1}`;
  // Matches per window, the widest dated one's part split by the undated windows' starts.
  const counts = [
    ...dated.map((_, k) => `(SELECT count(*) FROM p${k})`),
    ...undated.map((w) => `(SELECT count(*) FROM ${last} WHERE ${last}.published_at >= ${w.at})`),
  ];
  const choice = since.map((w, k) => `WHEN ${counts.slice(0, k + 1).join(' + ')} >= ${min} THEN ${w.days}`).join(' ');
  const older = undated[undated.length - 1];
  const union = [
    ...parts.slice(0, -1).map((_, k) => `SELECT * FROM p${k}`),
    `SELECT * FROM ${last} WHERE ${older ? `${last}.published_at >= ${older.at} OR ` : ''}(SELECT days FROM chosen) IS NULL`,
  ].join(' UNION ALL ');
  const limit = p.add(params.limit + 1);
  const ctes = `${partCtes(parts, (earlier) => `${earlier} < ${min}`)},
    chosen AS MATERIALIZED (SELECT CASE ${choice} END AS days)`;
  return {
    text: withCardDetails(
      `SELECT m.*, m.sort_rank::text AS sort_key FROM (${union}) m
       WHERE m.sort_rank IS NOT NULL
       ORDER BY m.sort_rank DESC, m.id DESC
       LIMIT ${limit}`,
      'w.sort_rank DESC, w.id DESC',
      { ctes, alongside: { from: 'chosen ch', columns: 'ch.days AS window_days' } },
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
  const where = filterConditions(windowed ? { ...params, q: undefined } : params, p, timeWindow(params, p));
  const limit = p.add(params.limit + 1);
  const after = params.after;
  const listNewestFirst = () =>
    windowed
      ? windowedNewestFirst(where, p, limit, after, { ...params, q: params.q! }, params.windowsFrom!)
      : newestFirst(where, p, limit, after, Boolean(params.q));

  switch (params.sort) {
    case 'newest': {
      return listNewestFirst();
    }
    case 'most_supported': {
      // Read from the counters' index (ix_idea_counter_supported) down, each idea by primary key.
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
    case 'relevance': {
      if (!params.q) throw new Error('relevance needs q');
      const since = params.since ?? null;
      if (params.segment === 'rest') {
        // The matches older than the relevance window, newest first.
        if (since === null) throw new Error('the rest segment needs a window');
        where.push(`i.published_at < ${p.add(since)}::timestamptz`);
        return listNewestFirst();
      }
      // ts_rank is a real; its text form round-trips exactly, so the keyset compares equal values.
      // Computed once per match in `m` (OFFSET 0 keeps it a subquery: flattened, the rank was
      // computed again for the keyset, the sort and the key).
      const rank = `ts_rank(i.search_document, ${searchQuery(p.add(params.q))})`;
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
