#!/usr/bin/env node
// Search SQL before and after a burst of supports (issue 15: "each support rewrites the idea row").
// Usage: node bench/wall/support-churn.mjs <database url> [supports, default 10000]
// Needs a seeded wall database (npm run bench:wall -- --seed-only, BENCH_DB/BENCH_IDEAS to size it)
// and the bench's build (dist/.bench-wall-build, made by the same command) for the API's search SQL.
//   1. times the search statements the API runs (relevance and newest first, 24 distinct strings from
//      the generator's word lists) with EXPLAIN (ANALYZE, BUFFERS), 5 rounds, and reports the GIN
//      index's pending list;
//   2. gives SUPPORTS supports one by one, each in its own transaction as the API does (recent public
//      ideas more often), through whatever counter the schema has: the old `idea.support_count`
//      column (a new version of the idea row) or `idea_counter` (migration IdeaCounters);
//   3. times the same statements again.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { percentile, root } from '../support/index.mjs';

const [url, supportsArg] = process.argv.slice(2);
if (!url) {
  console.error('Usage: node bench/wall/support-churn.mjs <database url> [supports]');
  process.exit(2);
}
const SUPPORTS = Number(supportsArg ?? 10_000);
const build = join(root, 'dist', '.bench-wall-build');
const require = createRequire(join(build, 'libs/server/ideas/src/index.js'));
const wallSql = require(join(build, 'libs/server/ideas/src/wall/sql/wall.sql.js'));

const SEARCHES = [
  'velos',
  'vélos de service',
  'reservation velo',
  'bikes',
  'service bikes',
  'notes de frais',
  'expense reports',
  'agents de terrain',
  'énergie',
  'energy consumption',
  'badges',
  'access badge',
  'cantine',
  'canteen meals',
  'archives',
  'meeting rooms',
  'salles de réunion',
  'factures fournisseurs',
  'supplier invoice',
  'astreintes',
  'tableau de bord',
  'dashboard',
  'déplacements professionnels',
  'parking',
];

const client = new pg.Client({ connectionString: url });

async function pendingPages() {
  const { rows } = await client
    .query(
      `SELECT n_pending_pages, n_pending_tuples FROM gin_metapage_info(get_raw_page('ix_idea_search_document', 0))`,
    )
    .catch(() => ({ rows: [{ n_pending_pages: '?', n_pending_tuples: '?' }] }));
  return rows[0];
}

async function timeSearches(label) {
  const perQuery = [];
  let buffers = 0;
  for (let round = 0; round < 5; round++)
    for (const q of SEARCHES)
      for (const sort of ['relevance', 'newest']) {
        const { text, values } = wallSql.buildWallQuery({ q, sort, limit: 20, segment: 'hot', since: null });
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values);
        const plan = rows[0]['QUERY PLAN'][0];
        perQuery.push(plan['Planning Time'] + plan['Execution Time']);
        buffers += plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'];
      }
  perQuery.sort((a, b) => a - b);
  const total = perQuery.reduce((a, b) => a + b, 0);
  const pending = await pendingPages();
  console.log(
    `${label.padEnd(34)} p50 ${percentile(perQuery, 50).toFixed(2)} ms  p95 ${percentile(perQuery, 95).toFixed(2)} ms  ` +
      `mean ${(total / perQuery.length).toFixed(2)} ms  buffers/query ${(buffers / perQuery.length).toFixed(0)}  ` +
      `GIN pending pages ${pending.n_pending_pages} (tuples ${pending.n_pending_tuples})`,
  );
  return { p50: percentile(perQuery, 50), mean: total / perQuery.length };
}

async function main() {
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect').catch(() => undefined);
  const { rows: cols } = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'idea' AND column_name = 'support_count'`,
  );
  const oldSchema = cols.length > 0;
  console.log(`counters: ${oldSchema ? 'idea.support_count (old schema)' : 'idea_counter'}; ${SUPPORTS} supports`);
  const { rows: ideas } = await client.query(
    `SELECT id FROM idea WHERE published_at IS NOT NULL AND hidden_at IS NULL ORDER BY published_at DESC LIMIT 20000`,
  );
  const { rows: people } = await client.query(`SELECT id FROM person ORDER BY id`);
  await timeSearches('before (warm-up)');
  const before = await timeSearches('before');
  const bump = oldSchema
    ? `UPDATE idea SET support_count = support_count + 1 WHERE id = $1`
    : `INSERT INTO idea_counter AS c (idea_id, support_count) VALUES ($1, 1)
       ON CONFLICT (idea_id) DO UPDATE SET support_count = c.support_count + 1`;
  const t = performance.now();
  let given = 0;
  for (let n = 0; given < SUPPORTS && n < SUPPORTS * 3; n++) {
    // Recent ideas more often (squared), a pseudo-random person: deterministic from n.
    const idea = ideas[Math.floor(ideas.length * ((n * 0.6180339887) % 1) ** 2)].id;
    const person = people[(n * 7919) % people.length].id;
    await client.query('BEGIN');
    const { rowCount } = await client.query(
      `INSERT INTO support (idea_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [idea, person],
    );
    if (rowCount) {
      await client.query(bump, [idea]);
      given++;
    }
    await client.query('COMMIT');
  }
  console.log(`${given} supports in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const after = await timeSearches('after');
  console.log(
    `search SQL after / before: mean ${(after.mean / before.mean).toFixed(2)}×, p50 ${(after.p50 / before.p50).toFixed(2)}×`,
  );
  await client.end();
}

main().catch(async (err) => {
  console.error(err);
  await client.end().catch(() => undefined);
  process.exit(1);
});
