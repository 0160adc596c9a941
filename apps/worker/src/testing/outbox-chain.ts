// Test helper (integration tests only): the outbox's way to a handler, in this process, on real
// queues: every queue under a prefix of the test's own, the outbox relay feeding them, and one BullMQ
// worker running the handlers under test (the built worker process is worker-process.ts).
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxRelay, QUEUE_NAMES, type QueueName } from '@eclore/server-platform';
import { uniqueQueuePrefix } from '../../../../test/database';
import { testRedisConnection } from '../../../../test/services';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface OutboxChainOptions {
  /** Names the queue prefix (uniqueQueuePrefix). */
  label: string;
  /** The queue the worker takes its jobs from. */
  queue: QueueName;
  /** The worker's job function; given the queues, for handlers that enqueue (a scheduler). */
  processor: (queues: ReadonlyMap<QueueName, Queue>) => (job: Job) => Promise<unknown>;
  /** Connection options, made afresh for each queue and the worker; the test Redis by default. */
  connection?: () => ConnectionOptions;
}

export interface OutboxChain {
  readonly queues: ReadonlyMap<QueueName, Queue>;
  /** Stops the relay and the worker, then empties and closes the queues. */
  close(): Promise<void>;
}

/** Starts the chain: the worker is ready before the relay polls the outbox. */
export async function startOutboxChain(ds: DataSource, options: OutboxChainOptions): Promise<OutboxChain> {
  const connection = options.connection ?? testRedisConnection;
  const prefix = uniqueQueuePrefix(options.label);
  const queues = new Map(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: connection(), prefix })]));
  const relay = new OutboxRelay(ds, (name) => queues.get(name)!, silent, { pollIntervalMs: 50 });
  let worker: Worker | undefined;
  const close = async () => {
    await relay.stop();
    await worker?.close();
    for (const q of queues.values()) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
  };
  try {
    worker = new Worker(options.queue, options.processor(queues), { connection: connection(), prefix, concurrency: 1 });
    await worker.waitUntilReady();
  } catch (err) {
    await close();
    throw err;
  }
  relay.start();
  return { queues, close };
}
