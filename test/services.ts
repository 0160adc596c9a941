/** Where the integration tests find real PostgreSQL and Redis (scripts/test.mjs makes sure they run). */
export const TEST_PG_ADMIN_URL = process.env['TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_DB = process.env['TEST_TEMPLATE_DB'] ?? 'eclore_test_template';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** BullMQ connection options for the test Redis; no retry cap, as workers need for blocking commands. */
export function testRedisConnection(): { host: string; port: number; maxRetriesPerRequest: null } {
  const url = new URL(TEST_REDIS_URL);
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
}
