// precision@10 of the search relevance set (test/relevance/relevance-set.ts, the guard's own set and
// measure) through the bench build's wall service: a scratch database is created, migrated, seeded
// with the set, measured and dropped. The bench prints the figure beside its timings (issue 15).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { adminQuery, databaseUrl, migrate } from '../support/index.mjs';
import { wallServiceOn } from './wall-service.mjs';

export async function relevancePrecision(build, db = 'eclore_bench_relevance') {
  const set = createRequire(import.meta.url)(join(build, 'test/relevance/relevance-set.js'));
  await adminQuery(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${db}"`);
  const client = new pg.Client({ connectionString: databaseUrl(db) });
  try {
    migrate(build, databaseUrl(db));
    await client.connect();
    const query = async (sql, values) => (await client.query(sql, values)).rows;
    const relevant = await set.seedRelevanceSet(query);
    const wall = wallServiceOn(build, client);
    let sum = 0;
    for (const [q, topic, lang] of set.QUERIES) {
      const page = await wall.page({ q, limit: 10 });
      sum += set.precisionAt10(
        page.items.map((i) => i.id),
        relevant.get(`${topic}:${lang}`),
      );
    }
    return { value: sum / set.QUERIES.length, queries: set.QUERIES.length, baseline: set.BASELINE_PRECISION_AT_10 };
  } finally {
    await client.end().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
}
