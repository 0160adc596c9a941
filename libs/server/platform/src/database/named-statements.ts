import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const ownSessions = new WeakMap<DataSource, Promise<boolean>>();

/**
 * Whether each pooled connection of `ds` is a PostgreSQL session of its own, where a statement
 * prepared under a name stays that connection's. Not on PGlite (embedded mode): its connections share
 * one session (scripts/embedded/databases.mjs), where a name one connection prepared already exists
 * for the next. Asked once per data source.
 */
export function keepsStatementsPerConnection(ds: DataSource): Promise<boolean> {
  let known = ownSessions.get(ds);
  if (!known) {
    known = ds
      .query<{ pglite: boolean }[]>(`SELECT version() LIKE '%PGlite%' AS pglite`)
      .then(([row]) => !row?.pglite)
      .catch(() => {
        ownSessions.delete(ds); // asked again next time
        return false;
      });
    ownSessions.set(ds, known);
  }
  return known;
}

/**
 * A read outside any transaction, prepared under `name` once per connection where connections keep
 * their own sessions (parsed and planned once, not at every request), otherwise run unnamed. For the
 * statements every request runs (the session's look-up): planning one cost PostgreSQL more than
 * running it. `name` must stand for this one text.
 */
export async function queryPrepared<T>(ds: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (!(await keepsStatementsPerConnection(ds))) return ds.query<T[]>(text, values);
  // Logged as TypeORM logs the statements it runs itself.
  ds.logger.logQuery(text, values);
  const pool = (ds.driver as PostgresDriver).master as Pool;
  return (await pool.query({ name, text, values })).rows as T[];
}
