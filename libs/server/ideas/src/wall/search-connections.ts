import { Pool, type PoolConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The settings a search connection opens with (the bench sets them on its own connection too). */
export function searchSessionSettings(timeoutMs: number): [name: string, value: string][] {
  return [
    ['statement_timeout', String(Math.max(1, Math.floor(timeoutMs)))],
    ['max_parallel_workers_per_gather', '0'],
    ['jit', 'off'],
    ['plan_cache_mode', 'force_generic_plan'],
  ];
}

/**
 * The connections the wall's search statements run on (issue 15): a pool of their own, opened with
 * the search's settings as the session's defaults, so that a search is one round trip (its named
 * statement) instead of four (BEGIN, the settings, the statement, COMMIT). Each round trip cost the
 * api 0.1–0.15 ms of CPU and PostgreSQL a statement of its own, on every cache-missing search.
 *
 * - `statement_timeout`: a search that would hold a core is cancelled (WallRepository answers
 *   "narrow your search").
 * - No parallel workers and no JIT: a search statement that may need every window is estimated at
 *   the cost of reading every match, past the thresholds, while its one-time filters then skip most
 *   of it (docs/performance.md, "Third pass": 150 ms of compilation for a 4 ms page).
 * - A generic plan for the named statements: planned once per connection, not at every search.
 *
 * Only for a server with a session per connection (keepsStatementsPerConnection, platform):
 * PGlite's connections share one session, where these settings would reach every other query.
 */
export class SearchConnections {
  private pool?: Pool;

  constructor(
    private readonly ds: DataSource,
    private readonly timeoutMs: () => number,
  ) {}

  /** Runs a statement on one of the search connections; with a name, prepared once per connection. */
  async query<T>(text: string, values: unknown[], name?: string): Promise<T[]> {
    this.pool ??= this.open();
    // Logged as TypeORM logs the statements it runs itself (the query log, the plans guard).
    this.ds.logger.logQuery(text, values);
    return (await this.pool.query({ name, text, values })).rows as T[];
  }

  /** The pool, once a search has opened it (its test reads each connection's session). */
  get openPool(): Pool | undefined {
    return this.pool;
  }

  async end(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private open(): Pool {
    const main = this.mainPool().options as PoolConfig;
    const settings = searchSessionSettings(this.timeoutMs()).map(([name, value]) => `-c ${name}=${value}`);
    const pool = new Pool({
      ...main,
      // Not enumerable on the main pool's options, so not copied by the spread.
      password: main.password,
      options: [main.options, ...settings].filter(Boolean).join(' '),
      // A connection keeps its prepared statements while it lives: idle ones stay a while (the
      // warm-up's work is not undone by a quiet minute), and never hold the process open.
      idleTimeoutMillis: 300_000,
      allowExitOnIdle: true,
    });
    // A connection that dies while idle (a restart, a test dropping its database) leaves the pool;
    // the next search opens another.
    pool.on('error', () => undefined);
    return pool;
  }

  private mainPool(): Pool {
    return (this.ds.driver as PostgresDriver).master as Pool;
  }
}
