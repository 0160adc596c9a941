// The wall's own service (WallService of the bench's build) on a plain `pg` connection, without Nest,
// Express, the session or the page cache: what the bare handler serves, what the SQL timing replays
// and what the relevance figure is computed through. One copy of the wall's logic (windows, segments,
// cursors): the bench never re-implements which statements a page runs.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A WallService whose statements go through `query(text, values) → rows`. `onStatement`, when given,
 * sees every statement it runs (to time them again with EXPLAIN ANALYZE).
 */
export function wallServiceOn(build, query, { onStatement } = {}) {
  const require = createRequire(join(build, 'libs/server/ideas/src/index.js'));
  require('reflect-metadata');
  const { WallService } = require(join(build, 'libs/server/ideas/src/wall/wall.service.js'));
  const { WallRepository } = require(join(build, 'libs/server/ideas/src/wall/wall.repository.js'));
  const { WallPageCache } = require(join(build, 'libs/server/ideas/src/wall/wall-page-cache.js'));
  const ds = {
    query: (text, values = []) => {
      onStatement?.({ text, values });
      return query(text, values);
    },
    // Only a stale trending snapshot's refresh opens a transaction; the bench refreshes it itself.
    transaction: async () => false,
  };
  return new WallService(new WallRepository(ds), new WallPageCache({ WALL_CACHE_SECONDS: 0 }));
}

/** The API's wall query string as WallService takes it (the DTO's conversions, without its checks). */
export function wallQueryOf(searchParams) {
  const query = {};
  for (const [k, v] of searchParams) query[k] = k === 'limit' ? Number(v) : v;
  return query;
}
