/**
 * Trending (docs/performance.md, "Trending"): for each idea, the supports of the last 14 days, each
 * weighted by its recency — 1 for a support given just now, falling linearly to 0 at 14 days:
 *
 *     score(idea) = Σ over supports s given in the last 14 days of (1 − age(s) / 14 days)
 *
 * Computing that for every idea on every request would read ~700k supports at 10M; instead a
 * snapshot (idea_trending, one "generation") is computed at most every TRENDING_MAX_AGE_SECONDS and
 * read through ix_idea_trending_rank. The last TRENDING_KEEP generations are kept so that a cursor
 * keeps paging through the snapshot it started on.
 */
export const TRENDING_WINDOW_DAYS = 14;
export const TRENDING_MAX_AGE_SECONDS = 300;
export const TRENDING_KEEP = 6;

/** Advisory lock key: one refresh at a time across every API process. */
export const TRENDING_LOCK = `SELECT pg_try_advisory_xact_lock(hashtext('eclore.wall.trending')) AS locked`;

export const CURRENT_GENERATION = `
  SELECT generation::text AS generation, computed_at
  FROM idea_trending_generation ORDER BY generation DESC LIMIT 1`;

export const GENERATION_EXISTS = `SELECT 1 FROM idea_trending_generation WHERE generation = $1::bigint`;

/**
 * One new generation, in one statement (reads the range of ix_support_created), then the old ones
 * go. Run inside a transaction holding TRENDING_LOCK. The rows are written in idea order, so the
 * probe index (idea_id, generation) takes them left to right instead of at random: a fifth less of
 * the refresh's time at 1M ideas (2.1 against 2.7 s, docs/performance.md).
 */
export const REFRESH_TRENDING = `
  WITH g AS (
    INSERT INTO idea_trending_generation DEFAULT VALUES RETURNING generation, computed_at
  ), scored AS (
    INSERT INTO idea_trending (generation, idea_id, score)
    SELECT g.generation, s.idea_id,
           sum(1 - extract(epoch FROM g.computed_at - s.created_at) / (${TRENDING_WINDOW_DAYS} * 86400.0))
    FROM g, support s
    WHERE s.created_at > g.computed_at - interval '${TRENDING_WINDOW_DAYS} days' AND s.created_at <= g.computed_at
    GROUP BY g.generation, s.idea_id
    ORDER BY s.idea_id
  ), old_scores AS (
    DELETE FROM idea_trending WHERE generation <= (SELECT generation FROM g) - ${TRENDING_KEEP}
  )
  DELETE FROM idea_trending_generation WHERE generation <= (SELECT generation FROM g) - ${TRENDING_KEEP}`;

/**
 * Fresh statistics for the snapshot, in the refresh's own transaction (so they commit with the new
 * generation). Without them the planner judges `generation = <new>` by statistics taken before that
 * generation existed — a few rows, or none — and plans a filtered trending page as "read the whole
 * snapshot, join, sort": 0.7–1.5 s at 220 000 rows instead of 15–60 ms (issue 15). Autovacuum's
 * analyze comes too late (a minute or more after each refresh) to be relied on. ANALYZE samples the
 * rows this transaction wrote and skips the ones it deleted.
 */
export const ANALYZE_TRENDING = `ANALYZE idea_trending, idea_trending_generation`;
