// The wall's own service (WallService of the bench's build) on a plain `pg` connection, without Nest,
// Express, the session or the page cache: what the bare handler serves, what the CPU pass measures
// and what the relevance figure is computed through. One copy of the wall's logic (windows, segments,
// cursors): the bench never re-implements which statements a page runs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A WallService on `db`, a `pg` Client or Pool. With a Pool, searches run as the API runs them, on
 * search connections of their own (SearchConnections, opened from the pool's options); with a Client
 * (the CPU pass), on that one connection, under the same settings set on its session
 * (`applySearchSettings`). `onStatement`, when given, sees every statement a page runs.
 */
export function wallServiceOn(build, db, { onStatement } = {}) {
  const require = createRequire(join(build, 'libs/server/ideas/src/index.js'));
  require('reflect-metadata');
  const { WallService } = require(join(build, 'libs/server/ideas/src/wall/wall.service.js'));
  const { WallRepository } = require(join(build, 'libs/server/ideas/src/wall/wall.repository.js'));
  const { WallPageCache } = require(join(build, 'libs/server/ideas/src/wall/wall-page-cache.js'));
  const rowsOf =
    (c) =>
    async (text, values = []) => {
      onStatement?.({ text, values });
      return (await c.query(text, values)).rows;
    };
  const ds = {
    query: rowsOf(db),
    driver: { master: db },
    logger: { logQuery: (text, values) => onStatement?.({ text, values }) },
    transaction: async (work) => {
      const c = db instanceof pg.Pool ? await db.connect() : db;
      try {
        await c.query('BEGIN');
        const result = await work({ query: rowsOf(c) });
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        if (c !== db) c.release();
      }
    },
  };
  const repository = new WallRepository(ds);
  if (!(db instanceof pg.Pool))
    repository.searchConnections = {
      query: async (text, values, name) => {
        onStatement?.({ text, values });
        return (await db.query({ name, text, values })).rows;
      },
      end: async () => undefined,
    };
  return new WallService(repository, new WallPageCache({ WALL_CACHE_SECONDS: 0 }));
}

/** Sets the search connections' settings on one connection's session (the CPU pass's). */
export async function applySearchSettings(build, client) {
  const require = createRequire(join(build, 'libs/server/ideas/src/index.js'));
  const { searchSessionSettings } = require(join(build, 'libs/server/ideas/src/wall/search-connections.js'));
  for (const [name, value] of searchSessionSettings(2000))
    await client.query(`SELECT set_config($1, $2, false)`, [name, value]);
}

/** The API's wall query string as WallService takes it (the DTO's conversions, without its checks). */
export function wallQueryOf(searchParams) {
  const query = {};
  for (const [k, v] of searchParams) query[k] = k === 'limit' ? Number(v) : v;
  return query;
}
