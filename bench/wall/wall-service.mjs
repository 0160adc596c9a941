// The wall's own service (WallService of the bench's build) on a plain `pg` connection, without Nest,
// Express, the session or the page cache: what the bare handler serves, what the CPU pass measures
// and what the relevance figure is computed through. One copy of the wall's logic (windows, segments,
// cursors): the bench never re-implements which statements a page runs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A WallService on `db`, a `pg` Client or Pool: statements go through db.query, a transaction (a
 * search's statement timeout) through one connection of it. `onStatement`, when given, sees every
 * statement a page runs outside the transaction's own BEGIN / settings / COMMIT (to time them again).
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
      if (!/^\s*(SET LOCAL|SELECT set_config)/.test(text)) onStatement?.({ text, values });
      return (await c.query(text, values)).rows;
    };
  const ds = {
    query: rowsOf(db),
    transaction: async (work) => {
      const c = db instanceof pg.Pool ? await db.connect() : db;
      try {
        await c.query('BEGIN');
        // queryRunner.connect(): the connection itself, for the repository's named statements.
        const named = {
          query: (config) => {
            onStatement?.({ text: config.text, values: config.values });
            return c.query(config);
          },
        };
        const result = await work({
          query: rowsOf(c),
          queryRunner: { connect: async () => named },
          connection: { logger: { logQuery: () => undefined } },
        });
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
  return new WallService(new WallRepository(ds), new WallPageCache({ WALL_CACHE_SECONDS: 0 }));
}

/** The API's wall query string as WallService takes it (the DTO's conversions, without its checks). */
export function wallQueryOf(searchParams) {
  const query = {};
  for (const [k, v] of searchParams) query[k] = k === 'limit' ? Number(v) : v;
  return query;
}
