#!/usr/bin/env node
// PostgreSQL's time per cache-missing search (issue 15: median ≤ 3 ms, p95 ≤ 10 ms), over the distinct
// search stream (bench/wall/search-stream.mjs): every string by relevance and newest first, and one
// string in four again with a filter (campaign, unit, theme, kind, stage in turn). Each search is
// computed by the wall's own service (bench/wall/wall-service.mjs) (every statement it runs: the
// statements of the windows a relevance search tries included), and its CPU time is read from the
// backend's /proc/<pid>/schedstat around it. pg_stat_statements would need a server restart to load
// (shared_preload_libraries), which a shared server does not get.
// Usage: node bench/wall/search-cpu.mjs <database url> [slowest to print, default 5]
// Needs the bench's build (dist/.bench-wall-build, made by npm run bench:wall).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { percentile, root } from '../support/index.mjs';
import { searchStrings } from './search-stream.mjs';
import { applySearchSettings, wallServiceOn } from './wall-service.mjs';

/** The filters the stream's searches take, from the seeded data (one value of each). */
export async function filterValues(client) {
  const one = async (sql) => (await client.query(sql)).rows[0]?.v;
  return [
    { campaignId: await one(`SELECT id::text AS v FROM campaign ORDER BY title LIMIT 1`) },
    { orgUnitId: await one(`SELECT id::text AS v FROM org_unit ORDER BY code LIMIT 1`) },
    { theme: await one(`SELECT key AS v FROM theme ORDER BY key LIMIT 1`) },
    { kind: 'solution' },
    { stage: 'qualify' },
  ];
}

/** The searches measured: every string by relevance and newest first, one in four with a filter. */
export function measuredSearches(filters) {
  const out = [];
  searchStrings().forEach((q, i) => {
    out.push({ q, sort: 'relevance', limit: 20 }, { q, sort: 'newest', limit: 20 });
    if (i % 4 === 0)
      out.push({ q, sort: i % 8 ? 'newest' : 'relevance', limit: 20, ...filters[(i / 4) % filters.length] });
  });
  return out;
}

/** The nanoseconds a process has run on a CPU (/proc/<pid>/schedstat; null where there is none). */
const onCpuNs = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
};

/**
 * Times every search of `searches` on `client`: the backend's own CPU time per search, read from
 * /proc/<pid>/schedstat around it (PostgreSQL on this machine): CPU, not elapsed time, so other
 * people's load on a shared machine does not inflate it. Where /proc is not the server's, the
 * elapsed time of EXPLAIN ANALYZE (planning + execution) stands in. The slowest are then explained.
 */
export async function searchCpu(client, build, searches, { slowest = 5 } = {}) {
  let recorded = [];
  const wall = wallServiceOn(build, client, {
    onStatement: (s) => recorded.push(s),
  });
  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
  const cpu = onCpuNs(pid) !== null;
  // The plans explained below as the searches ran them: the search connections' settings.
  await applySearchSettings(build, client);
  // A warm pass first: the buffers a search reads, as a busy server has them.
  for (const s of searches) await wall.page(s);

  const explain = async () => {
    let total = 0;
    const plans = [];
    for (const { text, values } of recorded) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      const lines = rows.map((r) => r['QUERY PLAN']);
      const ms = (label) => Number(/([\d.]+) ms/.exec(lines.find((l) => l.startsWith(label)))[1]);
      total += ms('Planning Time') + ms('Execution Time');
      plans.push(lines.join('\n'));
    }
    return { total, plans };
  };
  const times = [];
  for (const s of searches) {
    recorded = [];
    const before = onCpuNs(pid);
    await wall.page(s);
    const ms = cpu ? (onCpuNs(pid) - before) / 1e6 : (await explain()).total;
    times.push({ search: s, ms, statements: recorded.length, statementsRun: recorded });
  }
  times.sort((a, b) => a.ms - b.ms);
  const slow = times.slice(-slowest).reverse();
  for (const t of slow) {
    recorded = t.statementsRun;
    t.plans = (await explain()).plans;
  }
  const ms = times.map((t) => t.ms);
  return {
    count: ms.length,
    measure: cpu ? 'backend CPU time (/proc schedstat)' : 'EXPLAIN ANALYZE planning + execution',
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: ms[ms.length - 1],
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
    slowest: slow,
    byClass: byClass(times),
    times: times.map(({ search, ms, statements }) => ({ search, ms, statements })),
  };
}

/** Median and p95 per kind of search: relevance or newest first, with a filter or not. */
function byClass(times) {
  const groups = new Map();
  for (const t of times) {
    const filtered = Object.keys(t.search).some((k) => !['q', 'sort', 'limit'].includes(k));
    const key = `${t.search.sort}${filtered ? ' + filter' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t.ms]);
  }
  return [...groups].map(([name, ms]) => ({
    name,
    count: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
  }));
}

const describe = (s) =>
  `"${s.q}" ${s.sort}${Object.entries(s)
    .filter(([k]) => !['q', 'sort', 'limit'].includes(k))
    .map(([k, v]) => ` ${k}=${v}`)
    .join('')}`;

export function printSearchCpu(r, { plans = true } = {}) {
  console.log(
    `PostgreSQL per cache-missing search (${r.count} searches, ${r.measure}): median ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, mean ${r.mean.toFixed(2)} ms, max ${r.max.toFixed(1)} ms`,
  );
  for (const c of r.byClass ?? [])
    console.log(
      `  ${c.name.padEnd(20)} ${c.count} searches: median ${c.p50.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms, mean ${c.mean.toFixed(2)} ms`,
    );
  for (const t of r.slowest) {
    console.log(`  ${t.ms.toFixed(1)} ms, ${t.statements} statement(s): ${describe(t.search)}`);
    if (plans) console.log(t.plans.at(-1).replace(/^/gm, '      '));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, slowest] = process.argv.slice(2);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const searches = measuredSearches(await filterValues(client));
    printSearchCpu(
      await searchCpu(client, join(root, 'dist', '.bench-wall-build'), searches, { slowest: Number(slowest ?? 5) }),
    );
  } finally {
    await client.end();
  }
}
