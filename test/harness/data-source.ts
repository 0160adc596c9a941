// The one entry point through which tests reach the schema: library tests build a data source here
// instead of importing migrations/ themselves (which would make library → migrations → library a cycle).
import 'reflect-metadata';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ALL_ENTITIES, dataSourceOptions } from '@eclore/migrations';
import { createTestDatabase, type TestDatabase } from '../database';

export { ALL_ENTITIES };

/** The product's data source options (every entity, the migrations) for a test database's URL. */
export function testDataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return dataSourceOptions(url, extra);
}

export interface TestDataSource {
  ds: DataSource;
  db: TestDatabase;
  /** Destroys the data source, then drops the database. */
  close: () => Promise<void>;
}

/** A fresh migrated database (cloned from the template) and an initialised data source on it. */
export async function openTestDataSource(
  label: string,
  extra: Partial<DataSourceOptions> = {},
): Promise<TestDataSource> {
  const db = await createTestDatabase(label);
  const ds = await new DataSource(testDataSourceOptions(db.url, extra)).initialize();
  return {
    ds,
    db,
    close: async () => {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}

/**
 * Runs `work` on every connection a pool holds now (`ds`'s own, or another such as the wall's search
 * connections), all taken at once (so each is a different one): what each connection's own session
 * holds (prepared statements, settings). A pool not opened yet holds none.
 */
export async function onEachPooledConnection<T>(
  from: DataSource | Pool | undefined,
  work: (connection: PoolClient) => Promise<T>,
): Promise<T[]> {
  const pool = from instanceof DataSource ? ((from.driver as PostgresDriver).master as Pool) : from;
  if (!pool) return [];
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    return await Promise.all(clients.map(work));
  } finally {
    for (const c of clients) c.release();
  }
}
