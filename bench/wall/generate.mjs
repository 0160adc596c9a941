#!/usr/bin/env node
// Seeds a migrated scratch database with the wall benchmark's data, set-based (INSERT ... SELECT
// generate_series), printing the time of each step:
//   20 000 people in 40 units, 12 themes, 20 campaigns, IDEAS ideas (default 1 000 000) with French or
//   English titles/summaries built from word lists (so full-text search has real words, accents and
//   plurals to chew on), and SUPPORTS supports (default 10 000 000) skewed towards a few ideas and
//   towards recent days.
// Usage: node bench/wall/generate.mjs <database url> [ideas] [supports]
// Secondary indexes of idea and support are dropped during the load and rebuilt after it (their
// definitions are read from pg_indexes first, so they come back exactly as the migrations made them).
import pg from 'pg';
import { benchUuid as uuid } from '../support/index.mjs';
import { EN, FR, THEMES } from './words.mjs';

const [url, ideasArg, supportsArg] = process.argv.slice(2);
if (!url) {
  console.error('Usage: node bench/wall/generate.mjs <database url> [ideas] [supports]');
  process.exit(2);
}
const IDEAS = Number(ideasArg ?? 1_000_000);
const SUPPORTS = Number(supportsArg ?? 10_000_000);
const PEOPLE = 20_000;

const sqlArray = (words) => `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;

/** A deterministic pseudo-random integer in [0, m) from an integer expression and a salt. */
const h = (expr, salt, m) => `(abs(hashtext(${expr}::text || '${salt}')::bigint) % ${m})`;
/** A deterministic pseudo-random double in [0, 1). */
const u = (expr, salt) => `(abs(hashtext(${expr}::text || '${salt}')::bigint)::double precision / 2147483649.0)`;
const pick = (words, expr, salt) => `(${sqlArray(words)})[1 + ${h(expr, salt, words.length)}]`;

const client = new pg.Client({ connectionString: url });

async function step(label, sql) {
  const t = process.hrtime.bigint();
  const res = await client.query(sql).catch((e) => {
    console.error(sql.slice(Math.max(0, e.position - 200), Number(e.position) + 100));
    throw e;
  });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(
    `${label.padEnd(48)} ${s.toFixed(1).padStart(7)} s${res.rowCount != null ? `  (${res.rowCount} rows)` : ''}`,
  );
  return s;
}

async function secondaryIndexes(table) {
  const { rows } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  return rows;
}

async function main() {
  await client.connect();
  const started = process.hrtime.bigint();
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);
  // Foreign keys are triggers: replica mode skips them (the data is generated consistent) and the
  // search-document trigger, whose function the INSERT calls itself.
  await client.query(`SET session_replication_role = replica`);

  await step(
    'org units (40)',
    `
    INSERT INTO org_unit (id, code, name, kind, parent_id, path)
    SELECT ${uuid(`'unit' || n`)}, 'B' || n, 'Direction ' || n, 'direction', NULL, ARRAY[${uuid(`'unit' || n`)}]
    FROM generate_series(1, 40) n`,
  );
  await step(
    `people (${PEOPLE})`,
    `
    INSERT INTO person (id, employee_number, given_name, family_name, email, org_unit_id)
    SELECT ${uuid(`'person' || n`)}, 'B-' || n, 'Prénom' || n, 'Nom' || n, 'bench' || n || '@eclore.example',
           ${uuid(`'unit' || (1 + n % 40)`)}
    FROM generate_series(1, ${PEOPLE}) n`,
  );
  await step(
    'themes (12)',
    `
    INSERT INTO theme (key, label_fr, label_en)
    SELECT t[1], t[2], t[3] FROM (VALUES ${THEMES.map((t) => `(${sqlArray(t)})`).join(',')}) v(t)`,
  );
  await step(
    'campaigns (20)',
    `
    INSERT INTO campaign (id, title, question, description_html, audience_org_unit_ids, submission_rules, created_by)
    SELECT ${uuid(`'campaign' || n`)}, 'Campagne ' || n, 'Comment pourrions-nous améliorer le sujet ' || n || ' ?', '',
           '{}', '{}'::jsonb, ${uuid(`'person1'`)}
    FROM generate_series(1, 20) n`,
  );

  const ideaIndexes = await secondaryIndexes('idea');
  const supportIndexes = await secondaryIndexes('support');
  const counterIndexes = await secondaryIndexes('idea_counter');
  const { rows: supportPk } = await client.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'support'::regclass AND contype = 'p'`,
  );
  for (const { indexname } of [...ideaIndexes, ...supportIndexes, ...counterIndexes])
    await client.query(`DROP INDEX "${indexname}"`);
  await client.query(`ALTER TABLE support DROP CONSTRAINT "${supportPk[0].conname}"`);

  // Status mix: 8 % drafts, 4 % in collect, 2 % returned (never public), the rest published; 1 % hidden.
  // Published over the last three years; supports (mean ~13 per idea, cubic skew) cut at SUPPORTS.
  const status = `CASE WHEN r < 0.08 THEN 'emerge' WHEN r < 0.12 THEN 'collect' WHEN r < 0.14 THEN 'returned'
    WHEN r < 0.70 THEN 'visible' WHEN r < 0.80 THEN 'qualify' WHEN r < 0.84 THEN 'decide' WHEN r < 0.88 THEN 'prototype'
    WHEN r < 0.91 THEN 'implement' WHEN r < 0.93 THEN 'follow_up' WHEN r < 0.96 THEN 'declined' WHEN r < 0.98 THEN 'withdrawn'
    ELSE 'closed' END`;
  const fr = (n) => `${pick(FR.verb, n, 'v')} || ' ' || ${pick(FR.object, n, 'o')} || ' ' || ${pick(FR.compl, n, 'c')}`;
  const en = (n) => `${pick(EN.verb, n, 'v')} || ' ' || ${pick(EN.object, n, 'o')} || ' ' || ${pick(EN.compl, n, 'c')}`;
  await step(
    `ideas (${IDEAS}) with their search documents`,
    `
    INSERT INTO idea (id, kind, status, title, summary, body_html, org_unit_id, themes, campaign_id, anonymous, author_id,
                      submitted_at, published_at, hidden_at, search_document, created_at, version)
    SELECT id, kind, status, title, summary, body, org_unit_id, themes, campaign_id, anonymous, author_id,
           CASE WHEN status = 'emerge' THEN NULL ELSE created END,
           CASE WHEN status IN ('emerge', 'collect', 'returned') THEN NULL ELSE created + interval '2 days' END,
           CASE WHEN n % 100 = 7 THEN created + interval '3 days' END,
           idea_search_document(title, summary, body), created, 1
    FROM (
      SELECT n, ${uuid(`'idea' || n`)} AS id,
             CASE WHEN n % 2 = 0 THEN 'problem' ELSE 'solution' END AS kind,
             ${status} AS status,
             CASE WHEN n % 3 = 0 THEN ${en('n')} ELSE ${fr('n')} END AS title,
             CASE WHEN n % 3 = 0 THEN ${pick(EN.summary, 'n', 's')} ELSE ${pick(FR.summary, 'n', 's')} END AS summary,
             '' AS body,
             ${uuid(`'unit' || (1 + ${h('n', 'u', 40)})`)} AS org_unit_id,
             ARRAY[(${sqlArray(THEMES.map((t) => t[0]))})[1 + ${h('n', 't', THEMES.length)}]] AS themes,
             CASE WHEN n % 4 = 0 THEN ${uuid(`'campaign' || (1 + ${h('n', 'k', 20)})`)} END AS campaign_id,
             n % 10 = 3 AS anonymous,
             ${uuid(`'person' || (1 + ${h('n', 'a', PEOPLE)})`)} AS author_id,
             now() - interval '1095 days' * ${u('n', 'd')} - interval '3 days' AS created
      FROM (SELECT n, ${u('n', 'st')} AS r FROM generate_series(1, ${IDEAS}) n) g
    ) x
    -- In the order they were created, as a real wall's table fills: the heap (and so the TIDs in the
    -- search index's posting lists) follows time, which a window of recent ideas relies on.
    ORDER BY x.created`,
  );

  // Each public idea i gets k(i) = floor(50 * r^3) supports from consecutive people, dated uniformly
  // between its publication and now (so recent ideas hold most of the last 14 days' supports).
  await step(
    `supports (${SUPPORTS})`,
    `
    WITH counts AS (
      SELECT id, published_at, floor(54 * power(${u("('x' || id)", 'k')}, 3))::int AS k
      FROM idea
      WHERE published_at IS NOT NULL AND status NOT IN ('emerge', 'collect', 'returned')
    ), cut AS (
      SELECT id, published_at, k, sum(k) OVER (ORDER BY id) - k AS before FROM counts WHERE k > 0
    )
    INSERT INTO support (idea_id, person_id, created_at)
    SELECT c.id, ${uuid(`'person' || (1 + (${h('c.id', 'p', PEOPLE)} + j) % ${PEOPLE})`)},
           c.published_at + (now() - c.published_at) * ${u('(c.id::text || j)', 'w')}
    FROM cut c CROSS JOIN LATERAL generate_series(1, least(c.k, ${SUPPORTS} - c.before)) j
    WHERE c.before < ${SUPPORTS}`,
  );
  await step('support primary key', `ALTER TABLE support ADD CONSTRAINT "${supportPk[0].conname}" ${supportPk[0].def}`);
  await step(
    'counters (idea_counter)',
    // Replica mode skips the trigger that gives each new idea its counters' row: one row per idea here.
    `
    INSERT INTO idea_counter (idea_id, support_count, comment_count)
    SELECT i.id, coalesce(s.c, 0), ${h("('x' || i.id)", 'cm', 12)}
    FROM idea i LEFT JOIN (SELECT idea_id, count(*) AS c FROM support GROUP BY idea_id) s ON s.idea_id = i.id`,
  );
  for (const { indexname, indexdef } of [...ideaIndexes, ...supportIndexes, ...counterIndexes])
    await step(`index ${indexname}`, indexdef);
  await client.query(`SET session_replication_role = origin`);
  await step('vacuum analyze idea', `VACUUM (ANALYZE) idea`);
  await step('vacuum analyze support', `VACUUM (ANALYZE) support`);
  await step('vacuum analyze idea_counter', `VACUUM (ANALYZE) idea_counter`);
  await step('analyze the rest', `ANALYZE`);
  console.log(`total ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  await client.end();
}

main().catch(async (err) => {
  console.error(err);
  await client.end().catch(() => undefined);
  process.exit(1);
});
