// The one entry point through which tests reach the schema: library tests build a data source here
// instead of importing migrations/ themselves (which would make library → migrations → library a cycle).
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
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
