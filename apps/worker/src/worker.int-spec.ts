import 'reflect-metadata';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { OutboxService, outboxJobId } from '@eclore/server-platform';
import { admin, createTestDatabase, uniqueQueuePrefix } from '../../../test/database';
import { TEST_REDIS_URL, databaseUrl, testRedisConnection } from '../../../test/services';
import { WorkerProcess, waitFor } from './testing/worker-process';

/**
 * The built worker as a real process against real PostgreSQL and Redis: the transactional outbox
 * end to end, crash recovery (SIGKILL mid-job), graceful shutdown (SIGTERM mid-job), two replicas,
 * and BullMQ's PostgreSQL backend. Each test gets a fresh database and its own queue prefix.
 */
// Process tests wait on real restarts and lock expiry; each wait inside is bounded on its own.
jest.setTimeout(40_000);

const outbox = new OutboxService();

interface Env {
  db: Awaited<ReturnType<typeof createTestDatabase>>;
  ds: DataSource;
  prefix: string;
}

async function openEnv(label: string): Promise<Env> {
  const db = await createTestDatabase(label);
  const ds = new DataSource(dataSourceOptions(db.url, { poolSize: 3 } as never));
  await ds.initialize();
  return { db, ds, prefix: uniqueQueuePrefix(label) };
}

async function closeEnv(env: Env | undefined): Promise<void> {
  if (!env) return;
  await env.ds.destroy();
  await env.db.drop();
}

function commitProbe(ds: DataSource, probeId: string, holdMs?: number): Promise<string> {
  return ds.transaction((m) =>
    outbox.append(m, 'platform.probe', holdMs === undefined ? { probeId } : { probeId, holdMs }),
  );
}

async function receipts(ds: DataSource): Promise<{ key: string; job_id: string }[]> {
  return ds.query('SELECT key, job_id FROM job_receipt ORDER BY key');
}

function completedLines(workers: WorkerProcess[], jobId: string) {
  return workers.flatMap((w) => w.logLines()).filter((l) => l.msg === 'job completed' && l.jobId === jobId);
}

describe('worker with Redis: outbox → relay → BullMQ → handler', () => {
  let env: Env | undefined;
  let queue: Queue | undefined;
  const workers: WorkerProcess[] = [];

  async function startWorker(): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start({
      DATABASE_URL: env!.db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: env!.prefix,
      JOB_LOCK_DURATION_MS: '2000',
    });
    workers.push(worker);
    return worker;
  }

  beforeEach(async () => {
    env = await openEnv('worker');
    // Inspects the same queue the worker consumes (same Redis, same prefix).
    queue = new Queue('platform', {
      prefix: env.prefix,
      connection: testRedisConnection(),
    });
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) if (w.alive) await w.stop('SIGKILL');
    await queue?.obliterate({ force: true });
    await queue?.close();
    await closeEnv(env);
  });

  it('turns a committed change with its outbox message into exactly one processed job', async () => {
    const worker = await startWorker();
    const id = await commitProbe(env!.ds, 'committed');
    const jobId = outboxJobId(id);

    await waitFor('the probe receipt', async () => (await receipts(env!.ds)).length === 1);
    await waitFor(`job ${jobId} to complete`, async () => (await queue!.getJobState(jobId)) === 'completed');

    expect(await receipts(env!.ds)).toEqual([{ key: 'platform.probe:committed', job_id: jobId }]);
    expect(await queue!.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toEqual({
      completed: 1,
      failed: 0,
      waiting: 0,
      active: 0,
      delayed: 0,
    });
    const [row] = await env!.ds.query('SELECT dispatched_at, attempts, last_error FROM outbox_message WHERE id = $1', [
      id,
    ]);
    expect(row).toMatchObject({ attempts: 1, last_error: null });
    expect(row.dispatched_at).toBeInstanceOf(Date);
    // Job log lines carry queue, job name, job id and duration.
    const lines = completedLines([worker], jobId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ queue: 'platform', jobName: 'platform.probe', jobId, service: 'worker' });
    expect(typeof lines[0]!.durationMs).toBe('number');
  });

  it('yields no outbox row and no job for a rolled-back transaction', async () => {
    await startWorker();
    await expect(
      env!.ds.transaction(async (m) => {
        await outbox.append(m, 'platform.probe', { probeId: 'rolled-back' });
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    // A later committed probe is the barrier: once it is processed, the relay has been past the rolled-back one.
    const barrier = await commitProbe(env!.ds, 'barrier');
    await waitFor('the barrier receipt', async () => (await receipts(env!.ds)).length > 0);
    await waitFor(
      'the barrier job to complete',
      async () => (await queue!.getJobState(outboxJobId(barrier))) === 'completed',
    );

    expect(await env!.ds.query('SELECT id::text AS id, payload FROM outbox_message')).toEqual([
      { id: barrier, payload: { probeId: 'barrier' } },
    ]);
    expect((await receipts(env!.ds)).map((r) => r.key)).toEqual(['platform.probe:barrier']);
    const jobs = await queue!.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
    expect(jobs.map((j) => j.id)).toEqual([outboxJobId(barrier)]);
  });

  it('finishes a job whose worker was killed (SIGKILL) mid-job once restarted, with exactly one receipt', async () => {
    const first = await startWorker();
    const jobId = outboxJobId(await commitProbe(env!.ds, 'crash', 2500));
    await waitFor(`job ${jobId} to be active`, async () => (await queue!.getJobState(jobId)) === 'active');

    expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await receipts(env!.ds)).toEqual([]);
    expect(await queue!.getJobState(jobId)).toBe('active'); // orphaned: its lock expires, then it is taken again

    const second = await startWorker();
    await waitFor(
      `job ${jobId} to complete after the restart`,
      async () => (await queue!.getJobState(jobId)) === 'completed',
      25_000,
    );
    expect(await receipts(env!.ds)).toEqual([{ key: 'platform.probe:crash', job_id: jobId }]);
    expect((await queue!.getJob(jobId))?.stalledCounter).toBe(1);
    expect(completedLines([first], jobId)).toHaveLength(0);
    expect(completedLines([second], jobId)).toHaveLength(1);
  });

  it('shuts down cleanly on SIGTERM (exit 0) after finishing the job in flight', async () => {
    const worker = await startWorker();
    const jobId = outboxJobId(await commitProbe(env!.ds, 'drain', 1500));
    await waitFor(`job ${jobId} to be active`, async () => (await queue!.getJobState(jobId)) === 'active');

    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await receipts(env!.ds)).toEqual([{ key: 'platform.probe:drain', job_id: jobId }]);
    expect(await queue!.getJobState(jobId)).toBe('completed');
    expect(completedLines([worker], jobId)).toHaveLength(1);
    expect(worker.stdout).toContain('worker drained');
  });

  it('runs as two replicas without ever enqueueing or processing a message twice', async () => {
    const replicas = await Promise.all([startWorker(), startWorker()]);
    const ids = await env!.ds.transaction(async (m) => {
      const out: string[] = [];
      for (let i = 0; i < 20; i++) out.push(await outbox.append(m, 'platform.probe', { probeId: `r${i}` }));
      return out;
    });

    await waitFor('20 receipts', async () => (await receipts(env!.ds)).length === 20);
    await waitFor('20 completed jobs', async () => (await queue!.getJobCounts('completed')).completed === 20);
    // A job is completed in Redis before its worker logs it: wait for every line before counting them.
    await waitFor('a "job completed" line for each job', () =>
      ids.every((id) => completedLines(replicas, outboxJobId(id)).length > 0),
    );

    // `attempts` counts enqueue attempts: 1 everywhere means no row was claimed by both relays.
    const rows: { attempts: number; dispatched: boolean }[] = await env!.ds.query(
      'SELECT attempts, dispatched_at IS NOT NULL AS dispatched FROM outbox_message',
    );
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.attempts === 1 && r.dispatched)).toBe(true);
    for (const id of ids) expect(completedLines(replicas, outboxJobId(id))).toHaveLength(1);
  });
});

describe('worker with BullMQ PostgreSQL backend (QUEUE_BACKEND=postgres)', () => {
  let env: Env | undefined;
  let queueDb: string | undefined;
  let worker: WorkerProcess | undefined;

  afterEach(async () => {
    if (worker?.alive) await worker.stop('SIGKILL');
    await closeEnv(env);
    if (queueDb) await admin(`DROP DATABASE IF EXISTS "${queueDb}" WITH (FORCE)`);
  });

  it('processes the probe pipeline with queues stored in PostgreSQL, and stops cleanly', async () => {
    env = await openEnv('pgqueue');
    queueDb = `${env.db.name}_bullmq`;
    await admin(`CREATE DATABASE "${queueDb}"`); // an empty scratch database: BullMQ creates its own tables
    worker = await WorkerProcess.start({
      DATABASE_URL: env.db.url,
      QUEUE_BACKEND: 'postgres',
      QUEUE_DATABASE_URL: databaseUrl(queueDb),
      QUEUE_PREFIX: env.prefix,
      JOB_LOCK_DURATION_MS: '2000',
    });

    const jobId = outboxJobId(await commitProbe(env.ds, 'on-postgres'));
    await waitFor('the probe receipt', async () => (await receipts(env!.ds)).length === 1);
    expect(await receipts(env.ds)).toEqual([{ key: 'platform.probe:on-postgres', job_id: jobId }]);
    await waitFor('the completed-job log line', () => completedLines([worker!], jobId).length === 1);

    // The job lives in BullMQ's own tables of the scratch database, not in Redis.
    const queueClient = new Client({ connectionString: databaseUrl(queueDb) });
    await queueClient.connect();
    try {
      const jobsSql =
        "SELECT queue, id, name, state FROM job WHERE queue NOT IN ('notifications', 'identity', 'recognition')";
      // The worker logs "completed" from its event, which can come before the backend's own row says so.
      await waitFor('the job row to read completed', async () =>
        (await queueClient.query(jobsSql)).rows.some((r: { state: string }) => r.state === 'completed'),
      );
      const jobs = await queueClient.query(jobsSql);
      expect(jobs.rows).toEqual([{ queue: 'platform', id: jobId, name: 'platform.probe', state: 'completed' }]);
      // So is the personal-data retention schedule (docs/personal-data.md).
      const retention = await queueClient.query("SELECT name, state FROM job WHERE queue = 'identity'");
      expect(retention.rows).toEqual([{ name: 'personal_data.retention', state: 'delayed' }]);
      // And the annual report's yearly request (docs/recognition.md, "Schedule").
      const yearly = await queueClient.query("SELECT name, state FROM job WHERE queue = 'recognition'");
      expect(yearly.rows).toEqual([{ name: 'recognition.annual_report_schedule', state: 'delayed' }]);
      // The digest schedules registered at boot are stored there too (next daily and weekly runs).
      const digests = await queueClient.query("SELECT name, state FROM job WHERE queue = 'notifications' ORDER BY id");
      expect(digests.rows).toEqual([
        { name: 'notifications.digest', state: 'delayed' },
        { name: 'notifications.digest', state: 'delayed' },
      ]);
    } finally {
      await queueClient.end();
    }
    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
