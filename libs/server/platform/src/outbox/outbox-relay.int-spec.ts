import 'reflect-metadata';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { uniqueQueuePrefix } from '../../../../../test/database';
import { openTestDataSource, testDataSourceOptions, type TestDataSource } from '../../../../../test/harness';
import { testRedisConnection } from '../../../../../test/services';
import { outboxJobId } from '../queues/registry';
import { OutboxRelay, type RelayLogger } from './outbox-relay';
import { OutboxService } from './outbox.service';

/** The relay on its own, against real PostgreSQL and Redis (and a Redis that is not there). */
const quiet: RelayLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const outbox = new OutboxService();

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('OutboxRelay', () => {
  let db: TestDataSource;
  let ds: DataSource;
  let queue: Queue;
  const extra: { close(): Promise<unknown> }[] = [];

  const relayWith = (
    dataSource: DataSource,
    q: Queue,
    options: { batchSize?: number; enqueueTimeoutMs?: number } = {},
  ) => new OutboxRelay(dataSource, () => q, quiet, { pollIntervalMs: 50, ...options });

  const commit = (probeIds: string[]) =>
    ds.transaction(async (m) => {
      const ids: string[] = [];
      for (const probeId of probeIds) ids.push(await outbox.append(m, 'platform.probe', { probeId }));
      return ids;
    });

  const row = async (id: string) =>
    (
      await ds.query(
        'SELECT dispatched_at IS NOT NULL AS dispatched, attempts, last_error FROM outbox_message WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await openTestDataSource('relay');
    ds = db.ds;
  });

  beforeEach(() => {
    queue = new Queue('platform', {
      prefix: uniqueQueuePrefix('relay'),
      connection: testRedisConnection(),
    });
  });

  afterEach(async () => {
    await ds.query('DELETE FROM outbox_message');
    await queue.obliterate({ force: true });
    await queue.close();
    for (const c of extra.splice(0)) await c.close();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('keeps a message pending with attempts and last_error while Redis is unreachable, then delivers it', async () => {
    const [id] = await commit(['redis-down']);
    const deadQueue = new Queue('platform', {
      prefix: uniqueQueuePrefix('dead'),
      // Short reconnect delay: ioredis keeps retrying (as in production), and no long retry timer outlives the test.
      connection: { host: '127.0.0.1', port: await closedPort(), maxRetriesPerRequest: null, retryStrategy: () => 100 },
    });
    deadQueue.on('error', () => undefined); // ioredis reports every reconnect attempt
    // BullMQ's close() drops a connection still initialising (disconnect() would wait for it forever).
    extra.push({ close: () => deadQueue.close() });

    expect(await relayWith(ds, deadQueue, { enqueueTimeoutMs: 300 }).relayOnce()).toEqual({
      claimed: 1,
      dispatched: 0,
      failed: 1,
    });
    expect(await row(id!)).toEqual({ dispatched: false, attempts: 1, last_error: 'enqueue timed out after 300 ms' });

    expect(await relayWith(ds, queue).relayOnce()).toEqual({ claimed: 1, dispatched: 1, failed: 0 });
    expect(await row(id!)).toEqual({ dispatched: true, attempts: 2, last_error: null });
    const job = await queue.getJob(outboxJobId(id!));
    expect(job?.name).toBe('platform.probe');
    expect(job?.data).toEqual({ probeId: 'redis-down' });
  });

  it('never creates a second job when a row is relayed again (deterministic job id)', async () => {
    const [id] = await commit(['again']);
    const relay = relayWith(ds, queue);
    await relay.relayOnce();
    // A relay that enqueued and then died before its commit leaves the row pending: it is sent again.
    await ds.query('UPDATE outbox_message SET dispatched_at = NULL WHERE id = $1', [id]);
    expect(await relay.relayOnce()).toEqual({ claimed: 1, dispatched: 1, failed: 0 });
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    expect(await relay.relayOnce()).toEqual({ claimed: 0, dispatched: 0, failed: 0 });
  });

  it('lets two relays drain one outbox concurrently without claiming a row twice (SKIP LOCKED)', async () => {
    const ids = await commit(Array.from({ length: 40 }, (_, i) => `c${i}`));
    const ds2 = await new DataSource(testDataSourceOptions(db.db.url)).initialize();
    extra.push({ close: () => ds2.destroy() });
    const drain = async (relay: OutboxRelay) => {
      let total = 0;
      for (;;) {
        const r = await relay.relayOnce();
        if (r.claimed === 0) return total;
        total += r.dispatched;
      }
    };
    const [a, b] = await Promise.all([
      drain(relayWith(ds, queue, { batchSize: 4 })),
      drain(relayWith(ds2, queue, { batchSize: 4 })),
    ]);

    expect(a + b).toBe(40);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const rows: { attempts: number }[] = await ds.query(
      'SELECT attempts FROM outbox_message WHERE dispatched_at IS NOT NULL',
    );
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const jobIds = (await queue.getJobs(['waiting'])).map((j) => j.id).sort();
    expect(jobIds).toEqual(ids.map(outboxJobId).sort());
  });

  it('leaves a message of an unknown job name pending, saying why', async () => {
    const [{ id }] = await ds.query(
      `INSERT INTO outbox_message (job_name, payload) VALUES ('from.a.newer.api', '{}') RETURNING id::text AS id`,
    );
    expect(await relayWith(ds, queue).relayOnce()).toEqual({ claimed: 1, dispatched: 0, failed: 1 });
    expect(await row(id)).toEqual({
      dispatched: false,
      attempts: 1,
      last_error: 'unknown job name "from.a.newer.api"',
    });
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 0 });
  });

  it('polls on its own once started and stops claiming when stopped', async () => {
    const relay = relayWith(ds, queue);
    relay.start();
    try {
      const [id] = await commit(['polled']);
      const deadline = Date.now() + 10_000;
      while (!(await row(id!)).dispatched) {
        if (Date.now() > deadline) throw new Error('the started relay did not dispatch the message within 10 s');
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await relay.stop();
    }
    expect(relay.isRunning).toBe(false);
    const [late] = await commit(['after-stop']);
    // stop() resolved after the last tick; no timer is left to claim the new row.
    expect(await relay.relayOnce()).toEqual({ claimed: 1, dispatched: 1, failed: 0 });
    expect(await queue.getJob(outboxJobId(late!))).toBeDefined();
  });
});
