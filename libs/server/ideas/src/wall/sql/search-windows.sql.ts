/**
 * A search read window by window in one statement (issue 15): relevance's first page, which chooses
 * its window among RELEVANCE_WINDOWS_DAYS, and newest-first pages of words (NEWEST_WINDOWS_DAYS).
 * Benchmarked by bench/wall at 1M ideas (docs/performance.md).
 */
import { DATED_WINDOW_MAX_DAYS, filterQuery, searchQuery } from './search.sql';
import {
  CARD_COLUMNS,
  narrowing,
  Params,
  PUBLIC_IDEA,
  withCardDetails,
  wordsCondition,
  type SqlQuery,
  type WallFilters,
} from './wall-fragments.sql';

/**
 * Relevance ranks a bounded set of matches: ranking every match of a broad word (1 % of a million
 * ideas) reads every one of them from the heap, tens of milliseconds per query. The set is the matches
 * published in the most recent of these windows that holds at least RELEVANCE_MIN_MATCHES of them;
 * when none does, every match is ranked (so a narrow search ranks everything, as before). Within the
 * window ts_rank orders them (title above summary above body); older matches follow, newest first.
 * The window's weeks are matched inside the full-text index (WEEKLY_DOCUMENT), so a window costs what
 * it holds: the 7-day window (issue 15) keeps a word found in one idea of ten to ~6 000 candidates at
 * 1M ideas instead of ~27 000 for 30 days (a cache-missing search's PostgreSQL CPU is the target);
 * a word needs ~100 matches in a week (1.5 % of ideas at that rate) to be ranked within it.
 */
export const RELEVANCE_WINDOWS_DAYS = [7, 30, 90, 365] as const;

export const RELEVANCE_MIN_MATCHES = 100;

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
 * the full-text index instead (WEEKLY_DOCUMENT), all in one statement (windowParts).
 */
export const NEWEST_WINDOWS_DAYS = [7, 30, 90] as const;

/**
 * One part of a search read window by window (newest first or relevance): the public ideas matching
 * the words in [from, to) — through the document's weeks for a window of up to DATED_WINDOW_MAX_DAYS
 * (`to` null: up to `until`), through the plain document for everything before `to` (`from` null) —
 * and `where`. Each part reads only its own window, so none repeats another's work.
 */
export interface WindowPart {
  from: string | null;
  to: string | null;
}

export function windowPartConditions(
  part: WindowPart,
  words: string,
  until: string,
  filters: string | null = null,
): string[] {
  if (part.from === null) return [wordsCondition(words, filters), `i.published_at + interval '0' < ${part.to}`];
  const conditions = [
    wordsCondition(words, filters, { since: part.from, until: part.to ?? until, dated: true }),
    `i.published_at + interval '0' >= ${part.from}`,
  ];
  if (part.to !== null) conditions.push(`i.published_at + interval '0' < ${part.to}`);
  return conditions;
}

/** Successive windows back from `anchor`: [anchor − d₁, …), [anchor − d₂, anchor − d₁), …, then everything older. */
export function windowParts(anchor: string, days: readonly number[]): WindowPart[] {
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
export function partCtes(
  parts: readonly ((gate: string[]) => string)[],
  stillShort: (earlier: string) => string,
): string {
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

/**
 * `newestFirst` for words, window by window (NEWEST_WINDOWS_DAYS) in one statement: each part keeps
 * its newest `limit` rows, and is scanned only while the newer parts hold fewer. `where` holds
 * everything but the words.
 */
export function windowedNewestFirst(
  where: string[],
  p: Params,
  limit: string,
  after: { key: string; id: string } | undefined,
  f: WallFilters & { q: string },
  from: { at: string; now: boolean },
): SqlQuery {
  // `+ interval '0'`: a plain bound on published_at is a range of ix_idea_wall_newest, which a
  // generic plan ANDed with the words' bitmap (800 000 entries, 22 ms per part); here the words lead.
  if (after)
    where.push(`(i.published_at + interval '0', i.id) < (${p.add(after.key)}::timestamptz, ${p.add(after.id)}::uuid)`);
  const words = searchQuery(p.add(f.q));
  const filters = filterQuery(f, (v) => p.add(v));
  const anchor = `${p.add(from.at)}::timestamptz`;
  // From now: up to the database's now at least (an idea published since the anchor was taken, by
  // another clock, still counts). From a cursor or a relevance window's start: up to that instant,
  // as the keyset or the window's bound leaves nothing newer (up to now, the first part's weeks ran
  // over a whole year for a search anchored a year back: 57 ms).
  const until = from.now ? `greatest(${anchor}, now())` : anchor;
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
 * row carries `window_days` (null: every match is ranked); an empty page is a single row holding
 * only `window_days` (the repository drops it).
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
  // Matches per window (each term counts only its own slice; the CASE adds them up): the older part
  // split by the undated windows' starts.
  const counts = [
    ...dated.map((_, k) => `(SELECT count(*) FROM p${k})`),
    ...undated.map(
      (w, j) =>
        `(SELECT count(*) FROM ${last} WHERE ${last}.published_at >= ${w.at}${j ? ` AND ${last}.published_at < ${undated[j - 1]!.at}` : ''})`,
    ),
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
