import 'reflect-metadata';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { OutboxService, outboxJobId } from '@eclore/server-platform';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL, testRedisConnection } from '../../../../test/services';
import { WorkerProcess, waitFor } from '../testing/worker-process';

// Waits on a real kill, a lock expiring and a restart; each wait inside is bounded on its own.
jest.setTimeout(90_000);

interface RunRow {
  status: string;
  progress: number;
  attempts: number;
  pdf_fr_key: string | null;
  pdf_en_key: string | null;
  xlsx_key: string | null;
}

/**
 * The annual report job in the built worker (outbox → queue → AnnualReportBuilder): a worker
 * process killed (SIGKILL) in the middle of a report, after it had written one of the files, leaves
 * the job to BullMQ; once the job's lock expires a new worker takes it again, starts over, and the
 * store ends with exactly one file of each kind, the run done.
 */
describe('annual report job (worker process, real PostgreSQL and Redis)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let storageDir: string;
  let prefix: string;
  let queue: Queue;
  const workers: WorkerProcess[] = [];
  const held: QueryRunner[] = [];

  const startWorker = async () => {
    const w = await WorkerProcess.start({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      STORAGE_DIR: storageDir,
      JOB_LOCK_DURATION_MS: '2000',
    });
    workers.push(w);
    return w;
  };

  /** A transaction of the test that holds a lock until released. */
  const hold = async (sql: string, params: unknown[] = []) => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(sql, params);
    held.push(runner);
    return async () => {
      await runner.rollbackTransaction();
      await runner.release();
      held.splice(held.indexOf(runner), 1);
    };
  };

  const run = async (id: string): Promise<RunRow> =>
    (
      (await ds.query(
        `SELECT status, progress, attempts, pdf_fr_key, pdf_en_key, xlsx_key FROM annual_report_run WHERE id = $1`,
        [id],
      )) as RunRow[]
    )[0]!;

  beforeAll(async () => {
    db = await createTestDatabase('annual_report_job');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 4 } as never));
    await ds.initialize();
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-annual-report-job-'));
    prefix = uniqueQueuePrefix('annual_report_job');
    queue = new Queue('recognition', {
      prefix,
      connection: testRedisConnection(),
    });
    // Two directions, so the report has a drill-down before it writes its files.
    await ds.query(
      `INSERT INTO org_unit (code, name, kind, path) VALUES ('JOB-A', 'Direction A', 'direction', '{}'), ('JOB-B', 'Direction B', 'direction', '{}')`,
    );
    await ds.query(`UPDATE org_unit SET path = ARRAY[id] WHERE code LIKE 'JOB-%'`);
  });

  afterAll(async () => {
    for (const r of held) await r.rollbackTransaction().finally(() => r.release());
    for (const w of workers) await w.stop('SIGKILL');
    await queue?.close();
    await ds?.destroy();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('produces exactly one file of each kind after the worker is killed mid-run and the job is retried', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const [row] = (await ds.query(`INSERT INTO annual_report_run (year, link_secret) VALUES ($1, $2) RETURNING id`, [
      year,
      'k'.repeat(43),
    ])) as { id: string }[];
    const runId = row!.id;
    const folder = join(storageDir, 'annual-reports', runId);
    const xlsx = join(folder, 'report.xlsx');

    // Stop the first worker in the middle: the charter is locked (the builder waits before writing),
    // then the run row, so that once the charter is free it writes the XLSX and waits again.
    const releaseCharter = await hold(`LOCK TABLE charter_commitment IN ACCESS EXCLUSIVE MODE`);
    const first = await startWorker();
    const outboxId = await ds.transaction((m) => new OutboxService().append(m, 'recognition.annual_report', { runId }));
    const jobId = outboxJobId(outboxId);
    await waitFor('the first attempt to compute the figures', async () => (await run(runId)).progress >= 70, 30_000);
    const releaseRun = await hold(`SELECT 1 FROM annual_report_run WHERE id = $1 FOR UPDATE`, [runId]);
    await releaseCharter();
    await waitFor('the first attempt to write the XLSX', () => existsSync(xlsx), 30_000);
    const firstXlsx = statSync(xlsx).ino;

    expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    await releaseRun();
    expect(await run(runId)).toMatchObject({ status: 'running', attempts: 1, pdf_fr_key: null });
    expect(readdirSync(folder)).toEqual(['report.xlsx']);
    expect(await queue.getJobState(jobId)).toBe('active'); // orphaned: its lock expires, then it is taken again

    const second = await startWorker();
    await waitFor('the run to be done after the restart', async () => (await run(runId)).status === 'done', 40_000);
    await waitFor('the job to complete', async () => (await queue.getJobState(jobId)) === 'completed', 10_000);

    expect(await run(runId)).toEqual({
      status: 'done',
      progress: 100,
      attempts: 2,
      pdf_fr_key: `annual-reports/${runId}/report-fr.pdf`,
      pdf_en_key: `annual-reports/${runId}/report-en.pdf`,
      xlsx_key: `annual-reports/${runId}/report.xlsx`,
    });
    // Exactly one file of each kind (no second copy, no half-written leftover), the XLSX rewritten.
    expect(readdirSync(folder).sort()).toEqual(['report-en.pdf', 'report-en.xlsx', 'report-fr.pdf', 'report.xlsx']);
    expect(readdirSync(join(storageDir, 'annual-reports'))).toEqual([runId]);
    expect(statSync(xlsx).ino).not.toBe(firstXlsx);
    for (const f of readdirSync(folder)) expect(statSync(join(folder, f)).size).toBeGreaterThan(1000);
    expect((await queue.getJob(jobId))?.stalledCounter).toBe(1);
    const completed = (w: WorkerProcess) =>
      w.logLines().filter((l) => l.msg === 'job completed' && l.jobId === jobId).length;
    expect([completed(first), completed(second)]).toEqual([0, 1]);
  });
});
