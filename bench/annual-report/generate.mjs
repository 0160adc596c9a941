#!/usr/bin/env node
// Seeds a migrated database with the annual report benchmark's organisation, set-based (INSERT ...
// SELECT generate_series, no row leaves PostgreSQL), printing the time of each step:
//   - 200 000 staff in 8 directions × 12 services × 15 units (1 in 500 attached to their service),
//     4 % deactivated, 3 % hired during the year;
//   - IDEAS ideas (default 50 000) first submitted in YEAR and a fifth as many in the year before
//     (the year-on-year comparison), each walking the lifecycle as far as a drawn stage with the
//     idea_event history the figures read: submit, accept, start_qualification, qualify,
//     decide_prototype / decide_implement / park / decline, the experiment, complete_implementation,
//     close, with returns, withdrawals and stops on the way; events later than now are dropped and
//     the idea's status is its last event's;
//   - what the realisation writes beside them: idea teams (team_formed, team_member_joined), experiments and their
//     outcomes (experiment_validated / experiment_stopped naming the lead), implementation projects,
//     milestones done, impact indicators and validated measurements, replications (a replica idea and
//     project each), scorecards (scorecard_submitted);
//   - SUPPORTS supports (default 1 000 000) and COMMENTS comments (default 200 000), each with its
//     idea event, as the product writes them;
//   - the contribution ledger, built from that history by the domain's own rule table
//     (CONTRIBUTION_RULES, read from the build: the same event → kind → person mapping the recorder
//     applies, anonymous authors' acts anonymous), and recognitions recorded for the implemented and
//     accepted ideas' authors; HR's charter inputs for the year.
// The realisation and recognition stages are in generate-realisation.mjs and generate-recognition.mjs,
// the organisation's shape and the deterministic draws every stage uses in generate-draws.mjs.
// Usage: node bench/annual-report/generate.mjs <database url> <build dir> [year] [ideas] [supports] [comments]
// Ids are v4-shaped UUIDs (benchUuid), so the API's validation accepts them.
import { resolve } from 'node:path';
import pg from 'pg';
import { DIRECTIONS, LEAVES, PEOPLE, SERVICES, UNITS, days, h, network, person, u, uuid } from './generate-draws.mjs';
import { seedRealisation } from './generate-realisation.mjs';
import { seedRecognition } from './generate-recognition.mjs';

const [url, buildArg, yearArg, ideasArg, supportsArg, commentsArg] = process.argv.slice(2);
const build = buildArg && resolve(buildArg);
if (!url || !build) {
  console.error(
    'Usage: node bench/annual-report/generate.mjs <database url> <build dir> [year] [ideas] [supports] [comments]',
  );
  process.exit(2);
}
export const YEAR = Number(yearArg ?? new Date().getUTCFullYear() - 1);
const IDEAS = Number(ideasArg ?? 50_000);
const SUPPORTS = Number(supportsArg ?? 1_000_000);
const COMMENTS = Number(commentsArg ?? 200_000);
const PREVIOUS_IDEAS = Math.round(IDEAS / 5);
const ALL_IDEAS = IDEAS + PREVIOUS_IDEAS;
/** Supports per published idea: floor(SCALE × r^2.2), mean SCALE ÷ 3.2, sized to overshoot SUPPORTS a little (then cut). */
const SUPPORT_SCALE = Math.ceil((SUPPORTS * 1.2 * 3.2) / (ALL_IDEAS * 0.94));

const client = new pg.Client({ connectionString: url });

async function step(label, sql, values) {
  const t = process.hrtime.bigint();
  const res = await client.query(sql, values).catch((e) => {
    console.error(sql.slice(Math.max(0, e.position - 300), Number(e.position) + 100));
    throw e;
  });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(
    `${label.padEnd(52)} ${s.toFixed(1).padStart(7)} s${res.rowCount != null ? `  (${res.rowCount} rows)` : ''}`,
  );
}

async function dropSecondaryIndexes(tables) {
  const { rows } = await client.query(
    `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
  return rows;
}

async function main() {
  await client.connect();
  const started = process.hrtime.bigint();
  const Y = `timestamptz '${YEAR}-01-01 00:00:00+00'`;
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET work_mem = '256MB'`);
  // Foreign keys are triggers: replica mode skips them (the data is generated consistent), and the
  // idea triggers (search document, counters) whose rows are written here directly.
  await client.query(`SET session_replication_role = replica`);
  const indexes = await dropSecondaryIndexes(['idea_event', 'support', 'contribution', 'idea_comment', 'idea']);

  // ---- the organisation
  await step(
    `org units (${DIRECTIONS} directions, ${DIRECTIONS * SERVICES} services, ${LEAVES} units)`,
    `
    WITH d AS (SELECT d FROM generate_series(0, ${DIRECTIONS - 1}) d),
         s AS (SELECT d, s FROM d, generate_series(0, ${SERVICES - 1}) s),
         l AS (SELECT d, s, x FROM s, generate_series(0, ${UNITS - 1}) x)
    INSERT INTO org_unit (id, code, name, kind, parent_id, path, created_at)
    SELECT ${uuid(`'dir' || d`)}, 'D' || (d + 1), 'Direction ' || (d + 1), 'direction', NULL,
           ARRAY[${uuid(`'dir' || d`)}], timestamptz '2015-01-01'
      FROM d
    UNION ALL
    SELECT ${uuid(`'svc' || d || '-' || s`)}, 'D' || (d + 1) || '-S' || (s + 1), 'Service ' || (d + 1) || '.' || (s + 1),
           'service', ${uuid(`'dir' || d`)}, ARRAY[${uuid(`'dir' || d`)}, ${uuid(`'svc' || d || '-' || s`)}], timestamptz '2015-01-01'
      FROM s
    UNION ALL
    SELECT ${uuid(`'unit' || d || '-' || s || '-' || x`)}, 'D' || (d + 1) || '-S' || (s + 1) || '-U' || (x + 1),
           'Unité ' || (d + 1) || '.' || (s + 1) || '.' || (x + 1), 'unit', ${uuid(`'svc' || d || '-' || s`)},
           ARRAY[${uuid(`'dir' || d`)}, ${uuid(`'svc' || d || '-' || s`)}, ${uuid(`'unit' || d || '-' || s || '-' || x`)}],
           timestamptz '2015-01-01'
      FROM l`,
  );
  // Unit sizes vary (a skewed draw of the leaf), 1 in 500 people sit in their service itself.
  await step(
    `people (${PEOPLE})`,
    `
    INSERT INTO person (id, employee_number, given_name, family_name, email, org_unit_id, active, deactivated_at, locale, created_at)
    SELECT ${person('n')}, 'A' || lpad(n::text, 7, '0'), 'Prénom' || n, 'Nom' || n, 'agent' || n || '@annual.example',
           CASE WHEN n % 500 = 0 THEN ${uuid(`'svc' || (leaf / ${UNITS * SERVICES}) || '-' || ((leaf / ${UNITS}) % ${SERVICES})`)}
                ELSE ${uuid(`'unit' || (leaf / ${UNITS * SERVICES}) || '-' || ((leaf / ${UNITS}) % ${SERVICES}) || '-' || (leaf % ${UNITS})`)} END,
           NOT gone, CASE WHEN gone THEN ${Y} - interval '200 days' + ${days(`${u('n', 'gd')} * 500`)} END,
           CASE WHEN n % 10 = 0 THEN 'en' END,
           CASE WHEN ${u('n', 'new')} < 0.03 THEN ${Y} + ${days(`${u('n', 'cd')} * 365`)}
                ELSE timestamptz '2010-01-01' + ${days(`${u('n', 'cd')} * 4700`)} END
      FROM (SELECT n, floor(${LEAVES} * power(${u('n', 'leaf')}, 1.3))::int AS leaf, ${u('n', 'gone')} < 0.04 AS gone
              FROM generate_series(1, ${PEOPLE}) n) g`,
  );

  // ---- the ideas and their lifecycle. depth: how far the idea went on the main path; side: how it ended.
  await step(
    `idea plan (${IDEAS} ideas in ${YEAR}, ${PREVIOUS_IDEAS} in ${YEAR - 1})`,
    `
    CREATE TEMP TABLE plan AS
    SELECT n, ${uuid(`'idea' || n`)} AS id, ${person(`1 + ${h('n', 'a', PEOPLE)}`)} AS author_id,
           n % 10 = 3 AS anonymous,
           CASE WHEN n <= ${IDEAS} THEN ${Y} ELSE ${Y} - interval '1 year' END + ${days(`${u('n', 't0')} * 365`)} AS t0,
           CASE WHEN r < 0.06 THEN 1 WHEN r < 0.32 THEN 2 WHEN r < 0.45 THEN 3 WHEN r < 0.62 THEN 4
                WHEN r < 0.72 THEN 5 WHEN r < 0.80 THEN 6 WHEN r < 0.93 THEN 7 ELSE 8 END AS depth,
           CASE WHEN r < 0.02 THEN 'withdraw' WHEN r >= 0.06 AND r < 0.10 THEN 'decline'
                WHEN r >= 0.32 AND r < 0.35 THEN 'request_rework' WHEN r >= 0.35 AND r < 0.38 THEN 'decline'
                WHEN r >= 0.45 AND r < 0.50 THEN 'park' WHEN r >= 0.50 AND r < 0.55 THEN 'decline'
                WHEN r >= 0.62 AND r < 0.66 THEN 'stop' WHEN r >= 0.66 AND r < 0.69 THEN 'validated' END AS side,
           ${u('n', 'sp')} < 0.4 AS skip_prototype
      FROM (SELECT n, ${u('n', 'depth')} AS r FROM generate_series(1, ${ALL_IDEAS}) n) g`,
  );
  // The main path: step k (1..8), its gap after the previous step in days (min + span × draw).
  await step(
    'lifecycle events',
    `
    CREATE TEMP TABLE lifecycle AS
    WITH steps(k, type, from_status, to_status, min_days, span_days) AS (VALUES
      (1, 'submit', 'emerge', 'collect', 0, 0),
      (2, 'accept', 'collect', 'visible', 0.1, 3),
      (3, 'start_qualification', 'visible', 'qualify', 1, 10),
      (4, 'qualify', 'qualify', 'decide', 2, 35),
      (5, 'decide_prototype', 'decide', 'prototype', 5, 40),
      (6, 'decide_implement', 'prototype', 'implement', 20, 60),
      (7, 'complete_implementation', 'implement', 'follow_up', 20, 90),
      (8, 'close', 'follow_up', 'closed', 20, 60)
    ), walked AS (
      SELECT p.id AS idea_id, p.n, p.t0, s.k,
             CASE WHEN s.k = 5 AND p.skip_prototype AND p.depth >= 6 THEN 'decide_implement' ELSE s.type END AS type,
             s.from_status,
             CASE WHEN s.k = 5 AND p.skip_prototype AND p.depth >= 6 THEN 'implement' ELSE s.to_status END AS to_status,
             s.min_days + s.span_days * ${u(`p.n || '-' || s.k`, 'gap')} AS gap
        FROM plan p JOIN steps s ON s.k <= p.depth
       WHERE NOT (s.k = 6 AND p.skip_prototype)
    )
    SELECT idea_id, n, k, type, from_status, to_status,
           t0 + ${days('sum(gap) OVER (PARTITION BY idea_id ORDER BY k)')} AS at
      FROM walked w`,
  );
  await step('lifecycle: index', `CREATE INDEX ON lifecycle (idea_id, k); ANALYZE lifecycle; ANALYZE plan`);
  await step(
    'lifecycle: side endings',
    `
    INSERT INTO lifecycle (idea_id, n, k, type, from_status, to_status, at)
    SELECT p.id, p.n, 9, p.side, l.to_status,
           CASE p.side WHEN 'withdraw' THEN 'withdrawn' WHEN 'decline' THEN 'declined' WHEN 'request_rework' THEN 'returned'
                       WHEN 'park' THEN 'parked' WHEN 'stop' THEN 'stopped' END,
           l.at + ${days(`2 + 30 * ${u('p.n', 'side')}`)}
      FROM plan p JOIN LATERAL (SELECT * FROM lifecycle l WHERE l.idea_id = p.id ORDER BY k DESC LIMIT 1) l ON true
     WHERE p.side IN ('withdraw', 'decline', 'request_rework', 'park', 'stop')`,
  );
  await step(
    'lifecycle: nothing later than now',
    `DELETE FROM lifecycle WHERE at > now() - interval '1 hour'; ANALYZE lifecycle`,
  );

  await step(
    `ideas (${ALL_IDEAS})`,
    `
    INSERT INTO idea (id, kind, status, title, summary, body_html, org_unit_id, themes, anonymous, author_id,
                      submitted_at, published_at, withdrawn_at, created_at, updated_at, version)
    SELECT p.id, CASE WHEN p.n % 2 = 0 THEN 'problem' ELSE 'solution' END, last.to_status,
           'Idée ' || p.n, 'Résumé de l’idée ' || p.n, '', a.org_unit_id, ARRAY['other'], p.anonymous, p.author_id,
           p.t0, pub.at, CASE WHEN last.to_status = 'withdrawn' THEN last.at END,
           p.t0 - interval '2 days', last.at, 1 + last.k
      FROM plan p
      JOIN person a ON a.id = p.author_id
      JOIN LATERAL (SELECT l.to_status, l.at, l.k FROM lifecycle l WHERE l.idea_id = p.id ORDER BY l.k DESC LIMIT 1) last ON true
      LEFT JOIN lifecycle pub ON pub.idea_id = p.id AND pub.k = 2`,
  );
  await step(
    'idea authors',
    `
    INSERT INTO idea_author (idea_id, person_id, role, status, invited_at, responded_at, anonymous)
    SELECT p.id, p.author_id, 'author', 'accepted', p.t0 - interval '2 days', p.t0 - interval '2 days', p.anonymous
      FROM plan p JOIN idea i ON i.id = p.id`,
  );

  // ---- realisation: teams, experiments, projects, milestones, impact, replications; scorecards
  await seedRealisation(step);

  // ---- engagement: comments and supports on published ideas
  await step(
    `comments (${COMMENTS})`,
    `
    WITH pub AS (SELECT l.idea_id, l.at, p.author_id, row_number() OVER (ORDER BY l.n) - 1 AS rn
                   FROM lifecycle l JOIN plan p ON p.id = l.idea_id WHERE l.k = 2),
         n AS (SELECT count(*) AS total FROM pub)
    INSERT INTO idea_comment (id, idea_id, author_id, body_html, created_at)
    SELECT ${uuid(`'cm' || c`)}, pub.idea_id,
           CASE WHEN c % 7 = 0 THEN pub.author_id ELSE ${person(`1 + ${h('c', 'ca', PEOPLE)}`)} END,
           '<p>Commentaire ' || c || '</p>', LEAST(pub.at + ${days(`1 + 90 * ${u('c', 'ct')}`)}, now() - interval '2 hours')
      FROM generate_series(1, ${COMMENTS}) c CROSS JOIN n
      JOIN pub ON pub.rn = (abs(hashtext(c::text || 'ci')::bigint) % n.total)`,
  );
  // Each published idea gets a skewed number of supports from consecutive people (unique per idea),
  // cut at SUPPORTS; dated within 120 days of publication.
  await step(
    `supports (${SUPPORTS})`,
    `
    WITH counts AS (
      SELECT idea_id, n, at, floor(${SUPPORT_SCALE} * power(${u('n', 'k')}, 2.2))::int AS k FROM lifecycle WHERE k = 2
    ), cut AS (
      SELECT *, sum(k) OVER (ORDER BY idea_id) - k AS before FROM counts WHERE k > 0
    )
    INSERT INTO support (idea_id, person_id, created_at)
    SELECT c.idea_id, ${person(`1 + (${h('c.n', 'sp', PEOPLE)} + j) % ${PEOPLE}`)},
           LEAST(c.at + ${days(`120 * power(${u(`c.n || '-' || j`, 'sw')}, 2)`)}, now() - interval '2 hours')
      FROM cut c CROSS JOIN LATERAL generate_series(1, least(c.k, ${SUPPORTS} - c.before)) j
     WHERE c.before < ${SUPPORTS}`,
  );
  await step(
    'idea counters',
    `
    INSERT INTO idea_counter (idea_id, support_count, comment_count)
    SELECT i.id, coalesce(s.c, 0), coalesce(c.c, 0)
      FROM idea i
      LEFT JOIN (SELECT idea_id, count(*) AS c FROM support GROUP BY idea_id) s ON s.idea_id = i.id
      LEFT JOIN (SELECT idea_id, count(*) AS c FROM idea_comment GROUP BY idea_id) c ON c.idea_id = i.id`,
  );

  // ---- the whole idea_event history, in time order (ids grow with time, as in production)
  await step(
    'idea events (every act above, in time order)',
    `
    INSERT INTO idea_event (idea_id, type, from_status, to_status, actor_id, public, data, occurred_at)
    SELECT idea_id, type, from_status, to_status, actor_id, public, data, at FROM (
      SELECT l.idea_id, l.type, l.from_status, l.to_status,
             CASE WHEN l.type IN ('submit', 'withdraw') THEN CASE WHEN p.anonymous THEN NULL ELSE p.author_id END
                  WHEN l.type = 'complete_implementation' THEN pr.owner_id
                  WHEN l.type = 'stop' THEN tl.person_id
                  ELSE ${network(`l.n || '-' || l.k`, 'act')} END AS actor_id,
             l.type <> 'submit' AS public, '{}'::jsonb AS data, l.at
        FROM lifecycle l JOIN plan p ON p.id = l.idea_id
        LEFT JOIN implementation_project pr ON pr.idea_id = l.idea_id
        LEFT JOIN team tl ON tl.idea_id = l.idea_id AND tl.role = 'lead'
      UNION ALL
      -- The named author is placed in the team at its formation (team_formed lists them); the others join.
      SELECT d.idea_id, 'team_formed', NULL, NULL, NULL, false,
             jsonb_build_object('members', CASE WHEN p.anonymous THEN 0 ELSE 1 END,
                                'personIds', CASE WHEN p.anonymous THEN '[]'::jsonb ELSE jsonb_build_array(p.author_id) END),
             d.at
        FROM lifecycle d JOIN plan p ON p.id = d.idea_id WHERE d.k = 5
      UNION ALL
      SELECT t.idea_id, 'team_member_joined', NULL, NULL, t.person_id, false, '{}'::jsonb, t.joined_at
        FROM team t JOIN plan p ON p.id = t.idea_id WHERE NOT (t.person_id = p.author_id AND NOT p.anonymous)
      UNION ALL
      SELECT x.idea_id, CASE x.status WHEN 'validated' THEN 'experiment_validated' ELSE 'experiment_stopped' END, NULL, NULL,
             tl.person_id, false, jsonb_build_object('experimentId', x.id, 'personId', tl.person_id), x.outcome_at
        FROM experiment x JOIN team tl ON tl.idea_id = x.idea_id AND tl.role = 'lead'
       WHERE x.status <> 'running'
      UNION ALL
      SELECT p.idea_id, 'milestone_done', NULL, NULL, p.owner_id, false, jsonb_build_object('projectId', p.id, 'milestoneId', m.id), m.done_at
        FROM milestone m JOIN implementation_project p ON p.id = m.project_id WHERE m.status = 'done'
      UNION ALL
      SELECT p.idea_id, 'impact.measurement_validated', NULL, NULL, m.validated_by, true,
             jsonb_build_object('projectId', p.id, 'indicatorId', ii.id, 'measurementId', m.id), m.validated_at
        FROM impact_measurement m JOIN impact_indicator ii ON ii.id = m.indicator_id JOIN implementation_project p ON p.id = ii.project_id
      UNION ALL
      SELECT r.idea_id, 'replication_adopted', NULL, NULL, r.requested_by, true,
             jsonb_build_object('replicationId', r.id, 'replicaIdeaId', r.replica_idea_id, 'unitId', r.org_unit_id), r.at
        FROM rep r
      UNION ALL
      SELECT s.idea_id, 'scorecard_submitted', NULL, NULL, s.reviewer_id, false, jsonb_build_object('scorecardId', s.id), s.submitted_at
        FROM scorecard s
      UNION ALL
      SELECT c.idea_id, 'commented', NULL, NULL,
             CASE WHEN i.anonymous AND c.author_id = i.author_id THEN NULL ELSE c.author_id END, true,
             jsonb_build_object('commentId', c.id), c.created_at
        FROM idea_comment c JOIN idea i ON i.id = c.idea_id
      UNION ALL
      SELECT s.idea_id, 'supported', NULL, NULL, NULL, false, '{}'::jsonb, s.created_at FROM support s
    ) e
    ORDER BY at`,
  );

  // ---- recognition: the ledger from the rule table, recognitions, HR's inputs
  await seedRecognition(step, build, YEAR);

  for (const { indexname, indexdef } of indexes) await step(`index ${indexname}`, indexdef);
  await client.query(`SET session_replication_role = origin`);
  for (const table of ['person', 'idea', 'idea_event', 'support', 'idea_comment', 'contribution'])
    await step(`vacuum analyze ${table}`, `VACUUM (ANALYZE) ${table}`);
  await step('analyze the rest', `ANALYZE`);
  console.log(`total ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  await client.end();
}

main().catch(async (err) => {
  console.error(err);
  await client.end().catch(() => undefined);
  process.exit(1);
});
