import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEMPLATE_DB, TEST_PG_ADMIN_URL, databaseUrl } from './services';

/**
 * A fresh database for one test file, cloned from the migrated template (globalSetup migrates it once).
 * Each test file owns its database, so files run in parallel without seeing each other's rows.
 */
export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const name = `eclore_t_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A unique BullMQ prefix, so test files sharing one Redis never see each other's jobs. */
export function uniqueQueuePrefix(label = 'q'): string {
  return `t${label.replace(/[^a-z0-9]/gi, '').slice(0, 12)}${randomBytes(4).toString('hex')}`;
}
