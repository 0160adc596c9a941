#!/usr/bin/env node
// Wall benchmark (npm run bench:wall). Not part of npm test: it needs minutes and gigabytes.
//   1. compiles the server code with SWC into dist/.bench-wall-build (never touching dist/server);
//   2. unless the database already holds the data set (BENCH_REGENERATE=1 forces it): creates the
//      scratch database eclore_bench_wall, migrates it and seeds it with generate.mjs
//      (1 000 000 ideas, 10 000 000 supports by default: BENCH_IDEAS, BENCH_SUPPORTS);
//   3. starts the real API on it (port BENCH_PORT, default 3987), signs a person in;
//   4. for each scenario (wall first page, a search, ...) runs autocannon at a fixed 300 requests/s
//      (BENCH_RATE) for BENCH_SECONDS (default 30) after a 5 s warm-up, and prints p50/p95/p99 of
//      the HTTP latency beside the raw SQL execution time of the same query (EXPLAIN ANALYZE, 50 runs);
//   5. stops the API. The database is kept for the next run (BENCH_DROP=1 drops it).
// BENCH_ONLY=<text> runs only the scenarios whose name contains it.
// Environment: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'eclore_bench_wall';
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const IDEAS = Number(process.env.BENCH_IDEAS ?? 1_000_000);
const SUPPORTS = Number(process.env.BENCH_SUPPORTS ?? 10_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3987);
const build = join(root, 'dist', '.bench-wall-build');
const only = process.argv.includes('--seed-only');

function compile() {
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@swc/cli/bin/swc.js'),
      'apps/api/src',
      'libs/domain/src',
      'libs/server',
      'migrations',
      '-d',
      build,
      '--config-file',
      '.swcrc',
      '--copy-files',
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

async function adminQuery(sql) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

async function seeded() {
  const { rowCount } = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${DB}'`);
  if (!rowCount) return false;
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT (SELECT count(*) FROM idea)::int AS ideas, (SELECT count(*) FROM support)::int AS supports`,
    );
    return rows[0].ideas === IDEAS && rows[0].supports === SUPPORTS;
  } catch {
    return false;
  } finally {
    await c.end();
  }
}

async function seed() {
  await adminQuery(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${DB}"`);
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(build, 'migrations', 'data-source.js')],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: dbUrl } },
  );
  execFileSync(process.execPath, [join(root, 'bench/wall/generate.mjs'), dbUrl, String(IDEAS), String(SUPPORTS)], {
    stdio: 'inherit',
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Fixed-rate load: `overallRate` keeps the arrival rate at RATE whatever the latency (open model). */
async function load(path, cookie, seconds) {
  const times = [];
  let errors = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections: 50,
    overallRate: RATE,
    duration: seconds,
    headers: { cookie },
  });
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (status !== 200) errors += 1;
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    rate: times.length / seconds,
    errors: errors + result.errors + result.timeouts,
    p50: Number(percentile(times, 50).toFixed(1)),
    p95: Number(percentile(times, 95).toFixed(1)),
    p99: Number(percentile(times, 99).toFixed(1)),
  };
}

/** The same SQL the API runs, timed by PostgreSQL itself (Execution Time of EXPLAIN ANALYZE). */
async function rawSql(client, query, runs = 50) {
  const times = [];
  let plan = '';
  for (let i = 0; i < runs; i++) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
    const lines = rows.map((r) => r['QUERY PLAN']);
    if (i === runs - 1) plan = lines.join('\n');
    const exec = lines.find((l) => l.startsWith('Execution Time'));
    const planning = lines.find((l) => l.startsWith('Planning Time'));
    times.push(Number(/([\d.]+) ms/.exec(exec)[1]) + Number(/([\d.]+) ms/.exec(planning)[1]));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), plan };
}

async function startApi() {
  const api = spawn(process.execPath, [join(build, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `benchwall${process.pid}`,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    api.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
    api.stdout.on('data', (d) => {
      if (String(d).includes('listening')) resolve();
    });
  });
  return api;
}

async function signIn(client) {
  const require = createRequire(join(build, 'libs/server/identity/src/index.js'));
  const { hashPassword } = require(join(build, 'libs/server/identity/src/auth/password.js'));
  const password = 'bench wall password 2026';
  const email = 'bench1@eclore.example';
  await client.query(
    `INSERT INTO local_credential (person_id, password_hash) VALUES (md5('person1')::uuid, $1)
     ON CONFLICT (person_id) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
    [await hashPassword(password)],
  );
  const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${PORT}` },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function main() {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`,
  );
  compile();
  if (process.env.BENCH_REGENERATE === '1' || !(await seeded())) await seed();
  else console.log(`reusing ${DB} (${IDEAS} ideas, ${SUPPORTS} supports)`);
  if (only) return;

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const { rows: ver } = await client.query(`SELECT version(), current_setting('shared_buffers') AS sb`);
  console.log(`${ver[0].version}; shared_buffers ${ver[0].sb}`);
  const require = createRequire(join(build, 'libs/server/ideas/src/index.js'));
  const wallSql = require(join(build, 'libs/server/ideas/src/wall/sql/wall.sql.js'));
  const trendingSql = require(join(build, 'libs/server/ideas/src/wall/sql/trending.sql.js'));

  // The trending snapshot as the API keeps it (refreshed every few minutes); timed here once.
  const t0 = process.hrtime.bigint();
  await client.query(trendingSql.REFRESH_TRENDING);
  console.log(`trending snapshot refresh: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);

  const api = await startApi();
  const results = [];
  try {
    const cookie = await signIn(client);
    const scenarios = [
      // Baseline: the same signed-in request path (session lookup, guard, logging) without the wall's query.
      { name: 'baseline: GET /api/session (no wall query)', path: '/api/session', params: null },
      { name: 'wall, first page (newest)', path: '/api/wall?limit=20', params: { limit: 20, sort: 'newest' } },
      {
        name: 'search "reservation velo" (relevance)',
        path: '/api/wall?q=reservation%20velo&limit=20',
        params: { q: 'reservation velo', limit: 20, sort: 'relevance' },
      },
      {
        name: 'search "bikes" (relevance)',
        path: '/api/wall?q=bikes&limit=20',
        params: { q: 'bikes', limit: 20, sort: 'relevance' },
      },
      {
        name: 'wall, most supported',
        path: '/api/wall?sort=most_supported&limit=20',
        params: { limit: 20, sort: 'most_supported' },
      },
      { name: 'wall, trending', path: '/api/wall?sort=trending&limit=20', params: { limit: 20, sort: 'trending' } },
    ];
    const selected = process.env.BENCH_ONLY
      ? scenarios.filter((s) => s.name.includes(process.env.BENCH_ONLY))
      : scenarios;
    for (const s of selected) {
      const generation = await client.query(trendingSql.CURRENT_GENERATION);
      const query =
        s.params && wallSql.buildWallQuery({ ...s.params, generation: generation.rows[0]?.generation ?? null });
      await load(s.path, cookie, 5); // warm-up
      const http = await load(s.path, cookie, SECONDS);
      const sql = query ? await rawSql(client, query) : { p50: 0, p95: 0, plan: '(no SQL of its own)' };
      results.push({ ...s, http, sql });
      console.log(
        `\n## ${s.name}  GET ${s.path}  (load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')})`,
      );
      console.log(
        `HTTP at ${http.rate.toFixed(0)} req/s (${http.requests} requests, ${http.errors} errors): p50 ${http.p50} ms, p95 ${http.p95} ms, p99 ${http.p99} ms`,
      );
      console.log(
        `raw SQL (EXPLAIN ANALYZE, planning + execution, 50 runs): p50 ${sql.p50.toFixed(2)} ms, p95 ${sql.p95.toFixed(2)} ms`,
      );
      console.log(
        sql.plan
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n'),
      );
    }
  } finally {
    api.kill('SIGTERM');
    await client.end();
  }
  console.log('\n| scenario | HTTP p50 | HTTP p95 | HTTP p99 | errors | SQL p50 | SQL p95 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.http.p50} ms | ${r.http.p95} ms | ${r.http.p99} ms | ${r.http.errors} | ${r.sql.p50.toFixed(1)} ms | ${r.sql.p95.toFixed(1)} ms |`,
    );
  if (process.env.BENCH_DROP === '1') await adminQuery(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  const failed = results.filter((r) => r.http.p95 >= 50 || r.http.errors > 0).map((r) => r.name);
  if (failed.length) {
    console.log(`\nTarget p95 < 50 ms missed (or errors) for: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
