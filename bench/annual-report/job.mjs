// The report job end to end, as production runs it: the bench's build of the real worker
// (apps/worker/src/main.js: every queue's BullMQ processor, the outbox relay) in a process of its
// own, on a queue prefix of its own and a temporary local storage folder; the run is requested as
// AnnualReportService does (the run row and the outbox message `recognition.annual_report` in one
// transaction), the relay enqueues it, the worker's BullMQ Worker runs AnnualReportBuilder.run.
// While it runs, the run row's progress is sampled every 20 ms: its steps (30 after the scope's
// figures, 30 → 70 over the units below, 80 after the XLSX, 90 after the French PDF, done after the
// English one) give each phase's time. The worker's peak RSS is its VmHWM, read before it is stopped.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../support/index.mjs';

const statusKb = (pid, field) => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

/** Boots the build's worker, asks for the (year, whole organisation) report, waits for it; timings, RSS, files. */
export async function runReportJob(build, { dbUrl, redisUrl, year }) {
  const require = createRequire(join(build, 'libs/server/recognition/src/index.js'));
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(join(build, 'migrations/index.js'));
  const { OutboxService } = require(join(build, 'libs/server/platform/src/index.js'));
  const { AnnualReportRepository } = require(join(build, 'libs/server/recognition/src/annual-report/index.js'));

  const storageDir = mkdtempSync(join(tmpdir(), 'eclore-bench-annual-'));
  const prefix = `bench-annual-${process.pid}-${Date.now()}`;
  const t0 = performance.now();
  const worker = spawn(process.execPath, [join(build, 'apps/worker/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      STORAGE_DIR: storageDir,
      OUTBOX_POLL_INTERVAL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  worker.stdout.setEncoding('utf8').on('data', (d) => (out += d));
  worker.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  let exited = null;
  worker.on('exit', (code, signal) => (exited = { code, signal }));
  const ds = new DataSource(dataSourceOptions(dbUrl, { poolSize: 2 }));
  try {
    while (!out.includes('Éclore worker ready')) {
      if (exited)
        throw new Error(`the worker exited (${JSON.stringify(exited)}) before ready:\n${err}\n${out.slice(-3000)}`);
      if (performance.now() - t0 > 60_000)
        throw new Error(`the worker was not ready in 60 s:\n${err}\n${out.slice(-3000)}`);
      await sleep(20);
    }
    const bootMs = performance.now() - t0;
    const rssReadyMb = statusKb(worker.pid, 'VmRSS');
    await ds.initialize();
    const runs = new AnnualReportRepository(ds);
    // As AnnualReportService.request does (without its audit entry: no requester here).
    const requested = performance.now();
    const runId = await ds.transaction(async (m) => {
      const { run } = await runs.insertOrActive(year, null, null, m);
      await new OutboxService().append(m, 'recognition.annual_report', { runId: run.id });
      return run.id;
    });
    const steps = []; // [progress, ms since the request], each new progress value once
    let row;
    let rssMaxSampledMb = 0;
    const rssByPhase = {};
    for (;;) {
      [row] = await ds.query(
        `SELECT status, progress, error, started_at, finished_at, pdf_fr_key, pdf_en_key, xlsx_key
           FROM annual_report_run WHERE id = $1`,
        [runId],
      );
      const at = performance.now() - requested;
      if (row.status !== 'queued' && steps.at(-1)?.[0] !== row.progress) steps.push([row.progress, at]);
      if (!exited) {
        const rss = statusKb(worker.pid, 'VmRSS');
        rssMaxSampledMb = Math.max(rssMaxSampledMb, rss);
        // The phase running while the progress reads p: the one after the step that set p.
        const phase = row.status === 'queued' ? 'queue' : PHASE_AFTER.find(([from]) => row.progress >= from)[1];
        rssByPhase[phase] = Math.max(rssByPhase[phase] ?? 0, rss);
      }
      if (row.status === 'done' || row.status === 'failed') break;
      if (exited) throw new Error(`the worker died during the report (${JSON.stringify(exited)}):\n${err}`);
      if (at > 600_000) throw new Error('the report did not finish in 10 minutes');
      await sleep(20);
    }
    const requestToDoneMs = performance.now() - requested;
    const peakRssMb = statusKb(worker.pid, 'VmHWM');
    if (row.status === 'failed') throw new Error(`the report failed: ${row.error}`);
    const files = {};
    for (const [kind, key] of [
      ['xlsx', row.xlsx_key],
      ['pdf-fr', row.pdf_fr_key],
      ['pdf-en', row.pdf_en_key],
    ])
      files[kind] = statSync(join(storageDir, key)).size;
    const filesInStore = readdirSync(join(storageDir, 'annual-reports', runId)).length;
    const log = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'job completed' && l.jobName === 'recognition.annual_report');
    const [figures] = await ds.query(`SELECT figures FROM annual_report_run WHERE id = $1`, [runId]);
    return {
      runId,
      bootMs,
      rssReadyMb,
      peakRssMb,
      rssMaxSampledMb,
      rssByPhase,
      requestToDoneMs,
      jobMs: log?.durationMs ?? null,
      builderMs: row.finished_at - row.started_at,
      phases: phasesOf(steps, requestToDoneMs),
      steps,
      files,
      filesInStore,
      figures: figures.figures,
    };
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (!exited) {
      worker.kill('SIGTERM');
      const deadline = performance.now() + 15_000;
      while (!exited && performance.now() < deadline) await sleep(50);
      if (!exited) worker.kill('SIGKILL');
    }
    rmSync(storageDir, { recursive: true, force: true });
    await dropQueueKeys(require, redisUrl, prefix);
  }
}

/** Deletes the bench's queues from Redis (every key under its own prefix: jobs, schedules, events). */
async function dropQueueKeys(require, redisUrl, prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Which phase runs while the run's progress is at least the number (the builder's steps). */
const PHASE_AFTER = [
  [90, 'pdfEn'],
  [80, 'pdfFr'],
  [70, 'xlsx'],
  [30, 'units'],
  [0, 'figures'],
];

/** Phase times from the progress steps: queue wait, scope's figures, units below, XLSX, PDF fr, PDF en. */
function phasesOf(steps, doneMs) {
  const when = (p) => steps.find(([progress]) => progress >= p)?.[1];
  const started = steps[0]?.[1] ?? 0;
  const figures = when(30) ?? started;
  const units = when(70) ?? figures;
  const xlsx = when(80) ?? units;
  const pdfFr = when(90) ?? xlsx;
  return {
    queueMs: started,
    figuresMs: figures - started,
    unitsMs: units - figures,
    xlsxMs: xlsx - units,
    pdfFrMs: pdfFr - xlsx,
    pdfEnMs: doneMs - pdfFr,
    // Each unit below the scope: the time between two progress steps of 30 → 70.
    perUnitMs: steps.filter(([p]) => p > 30 && p <= 70).map(([, at], i, a) => at - (i === 0 ? figures : a[i - 1][1])),
  };
}
