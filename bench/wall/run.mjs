#!/usr/bin/env node
// Wall benchmark (npm run bench:wall). Not part of npm test: it needs minutes and gigabytes.
//   1. compiles the server code with SWC into dist/.bench-wall-build (never touching dist/server);
//   2. unless the database already holds the data set (BENCH_REGENERATE=1 forces it): creates the
//      scratch database eclore_bench_wall, migrates it and seeds it with generate.mjs
//      (1 000 000 ideas, 10 000 000 supports by default: BENCH_IDEAS, BENCH_SUPPORTS);
//   3. starts the real API on it (port BENCH_PORT, default 3987), signs a person in;
//   4. for each scenario (wall first page, a search, ...) sends requests at a fixed arrival rate of 300/s
//      (BENCH_RATE) for BENCH_SECONDS (default 30) after a 5 s warm-up, and prints p50/p95/p99 of
//      the HTTP latency beside the raw SQL execution time of the same query (EXPLAIN ANALYZE, 50 runs);
//   5. stops the API. The database is kept for the next run (BENCH_DROP=1 drops it).
// BENCH_ONLY=<text> runs only the scenarios whose name contains it; BENCH_CPU_PROF=<dir> profiles the api.
// Environment: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  adminQuery,
  benchUuid,
  compile,
  databaseUrl,
  hashPasswordOf,
  machine,
  machineBusy,
  migrate as migrateBuild,
  percentile,
  processCpuMs,
  root,
  signIn as signInTo,
  waitQuiet,
} from '../support/index.mjs';

// BENCH_DB: another scratch database (e.g. a small data set beside the full one).
const DB = process.env.BENCH_DB ?? 'eclore_bench_wall';
const dbUrl = databaseUrl(DB);
const IDEAS = Number(process.env.BENCH_IDEAS ?? 1_000_000);
const SUPPORTS = Number(process.env.BENCH_SUPPORTS ?? 10_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3987);
const build = join(root, 'dist', '.bench-wall-build');
const only = process.argv.includes('--seed-only');

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
  migrate();
  execFileSync(process.execPath, [join(root, 'bench/wall/generate.mjs'), dbUrl, String(IDEAS), String(SUPPORTS)], {
    stdio: 'inherit',
  });
}

const pct = (share) => (share === null ? '?' : `${(100 * share).toFixed(0)} %`);

/**
 * Open-model load at a fixed arrival rate: request n is due at start + n / RATE (evenly spaced), sent on
 * a keep-alive connection (up to 50; when all are busy it waits for one, and that wait is counted), and its latency is
 * measured from the time it was DUE, so a slow server or a busy client never hides waiting time
 * (no coordinated omission). autocannon's `overallRate` was not this: it lets each connection send its
 * share of a second back to back at the start of each second, i.e. bursts of 300 requests with 50 in
 * flight, whose queueing dominated the figures measured before 2026-11-23 afternoon.
 * `path` may be a function of the request number (several different queries).
 */
async function load(path, cookie, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const total = Math.round(RATE * seconds);
  const times = [];
  let errors = 0;
  let late = 0;
  const start = performance.now();
  let sent = 0;
  let done = 0;
  await new Promise((resolve) => {
    const fire = (n) => {
      const due = start + (n * 1000) / RATE;
      if (performance.now() - due > 5) late += 1;
      const req = http.get(
        {
          host: '127.0.0.1',
          port: PORT,
          path: typeof path === 'function' ? path(n) : path,
          agent,
          headers: { cookie },
        },
        (res) => {
          if (res.statusCode !== 200) errors += 1;
          res.resume();
          res.on('end', () => {
            times.push(performance.now() - due);
            if (++done === total) resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        if (++done === total) resolve();
      });
    };
    const tick = () => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - start) * RATE) / 1000) + 1);
      while (sent < dueNow) fire(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / RATE - performance.now()));
    };
    tick();
  });
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    rate: times.length / seconds,
    errors,
    late,
    p50: Number(percentile(times, 50).toFixed(1)),
    p95: Number(percentile(times, 95).toFixed(1)),
    p99: Number(percentile(times, 99).toFixed(1)),
  };
}

/**
 * The same SQL the API runs for the page, timed by PostgreSQL itself (planning + execution of EXPLAIN
 * ANALYZE); for a relevance search that is every window the API tries before one holds enough matches
 * (wall.sql.ts), summed per run. The last statement's plan is printed.
 */
async function rawSql(client, queries, runs = 50) {
  const times = [];
  let plan = '';
  for (let i = 0; i < runs; i++) {
    let total = 0;
    for (const query of queries) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
      const lines = rows.map((r) => r['QUERY PLAN']);
      if (i === runs - 1) plan = lines.join('\n');
      const exec = lines.find((l) => l.startsWith('Execution Time'));
      const planning = lines.find((l) => l.startsWith('Planning Time'));
      total += Number(/([\d.]+) ms/.exec(exec)[1]) + Number(/([\d.]+) ms/.exec(planning)[1]);
    }
    times.push(total);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), plan, statements: queries.length };
}

/**
 * The statements the API runs for a first page, as WallService does: trending reads a rank window
 * first (the whole ranked segment only when the window does not fill the page); relevance tries its windows
 * until one holds enough matches; a newest-first listing with words reads back window by window until
 * the page is full.
 */
async function apiQueries(client, wallSql, params) {
  const queries = [];
  const run = async (query) => {
    queries.push(query);
    return (await client.query(query.text, query.values)).rows;
  };
  const now = new Date().toISOString();
  if (params.sort === 'trending' && params.generation) {
    const hot = { ...params, segment: 'hot' };
    const K = wallSql.TRENDING_RANK_WINDOW;
    if ((await run(wallSql.buildWallQuery({ ...hot, rankWindow: K }))).length > params.limit) return queries;
    if ((await run(wallSql.buildTrendingWindowCount(params.generation, K)))[0].n < K) return queries;
    await run(wallSql.buildWallQuery(hot));
    return queries;
  }
  if (params.sort === 'relevance') {
    for (const days of [...wallSql.RELEVANCE_WINDOWS_DAYS, null]) {
      const since = days === null ? null : new Date(Date.parse(now) - days * 86_400_000).toISOString();
      const rows = await run(wallSql.buildWallQuery({ ...params, segment: 'hot', since }));
      if (days === null || (rows[0]?.window_matches ?? 0) >= wallSql.RELEVANCE_MIN_MATCHES) break;
    }
    return queries;
  }
  if (params.q && wallSql.isNewestFirst(params))
    for (const days of wallSql.NEWEST_WINDOWS_DAYS)
      if ((await run(wallSql.buildWallQuery({ ...params, recent: { anchor: now, days } }))).length > params.limit)
        return queries;
  await run(wallSql.buildWallQuery(params));
  return queries;
}

/** Applies the migrations a reused database lacks (the code may have moved on since it was seeded). */
const migrate = () => migrateBuild(build, dbUrl);

async function startApi() {
  // BENCH_CPU_PROF=<dir>: the api writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF, '-r', join(root, 'bench/wall/exit-on-sigterm.cjs')]
    : [];
  const api = spawn(process.execPath, [...prof, join(build, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `benchwall${process.pid}`,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      // Production's level: the access log is part of the cost (ACCESS_LOG_SAMPLE is passed through).
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
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
  const hashPassword = hashPasswordOf(build);
  const password = 'bench wall password 2026';
  const email = 'bench1@eclore.example';
  await client.query(
    `INSERT INTO local_credential (person_id, password_hash) VALUES (${benchUuid("'person1'")}, $1)
     ON CONFLICT (person_id) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
    [await hashPassword(password)],
  );
  return (await signInTo(PORT, email, password)).cookie;
}

async function main() {
  console.log(`machine: ${machine()}`);
  compile({ out: build, apps: ['apps/api/src'], copyFiles: true });
  if (process.env.BENCH_REGENERATE === '1' || !(await seeded())) await seed();
  else {
    console.log(`reusing ${DB} (${IDEAS} ideas, ${SUPPORTS} supports); applying pending migrations`);
    try {
      migrate();
    } catch {
      // E.g. a migration renamed since the seed: the data set is still good; say so and go on.
      console.log('WARNING: the pending migrations failed (see above); measuring on the schema as it is');
    }
  }
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
  await client.query('BEGIN');
  await client.query(trendingSql.REFRESH_TRENDING);
  await client.query(trendingSql.ANALYZE_TRENDING);
  await client.query('COMMIT');
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
        name: 'search "reservation velo", newest first',
        path: '/api/wall?q=reservation%20velo&sort=newest&limit=20',
        params: { q: 'reservation velo', limit: 20, sort: 'newest' },
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
      const queries =
        s.params &&
        (await apiQueries(client, wallSql, { ...s.params, generation: generation.rows[0]?.generation ?? null }));
      const quiet = await waitQuiet();
      await load(s.path, cookie, 5); // warm-up
      const during = machineBusy(SECONDS * 1000);
      const cpuBefore = processCpuMs(api.pid);
      const http = await load(s.path, cookie, SECONDS);
      // The api's own CPU per request: a capacity figure that other people's load does not change much.
      http.apiCpuPerRequest = (processCpuMs(api.pid) - cpuBefore) / http.requests;
      http.busyBefore = quiet;
      http.busyDuring = await during;
      const sql = queries
        ? await rawSql(client, queries)
        : { p50: 0, p95: 0, plan: '(no SQL of its own)', statements: 0 };
      results.push({ ...s, http, sql });
      console.log(
        `\n## ${s.name}  GET ${s.path}  (load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(
            ' ',
          )}; machine CPU busy ${pct(http.busyBefore)} just before, ${pct(http.busyDuring)} during, this run included)`,
      );
      console.log(
        `api CPU ${http.apiCpuPerRequest.toFixed(2)} ms per request; HTTP at ${http.rate.toFixed(0)} req/s (${http.requests} requests, ${http.errors} errors, ${http.late} sent > 5 ms late): p50 ${http.p50} ms, p95 ${http.p95} ms, p99 ${http.p99} ms`,
      );
      console.log(
        `raw SQL (${sql.statements} statement(s), EXPLAIN ANALYZE, planning + execution, 50 runs): p50 ${sql.p50.toFixed(2)} ms, p95 ${sql.p95.toFixed(2)} ms`,
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
  console.log(
    '\n| scenario | HTTP p50 | HTTP p95 | HTTP p99 | errors | SQL p50 | SQL p95 | api CPU/request | CPU busy before / during |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.http.p50} ms | ${r.http.p95} ms | ${r.http.p99} ms | ${r.http.errors} | ${r.sql.p50.toFixed(1)} ms | ${r.sql.p95.toFixed(1)} ms | ${r.http.apiCpuPerRequest.toFixed(2)} ms | ${pct(r.http.busyBefore)} / ${pct(r.http.busyDuring)} |`,
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
