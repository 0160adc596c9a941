import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JOB_QUEUE, isJobName, outboxJobId, type QueueName } from '../queues/registry';

const DAY_S = 24 * 60 * 60;

/**
 * Options of every job the relay enqueues. Finished jobs are kept for days: while a job id is
 * still known, re-adding the same outbox row (a relay that crashed between enqueue and commit)
 * is a no-op in BullMQ instead of a second run.
 */
export const OUTBOX_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * DAY_S },
  removeOnFail: { age: 30 * DAY_S },
};

export interface RelayLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** An enqueue that takes longer counts as failed (ioredis waits forever while Redis is down). */
  enqueueTimeoutMs?: number;
}

export interface RelayTickResult {
  claimed: number;
  dispatched: number;
  failed: number;
}

interface PendingRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
}

/**
 * Moves committed outbox rows to their BullMQ queue. Each tick claims pending rows in one transaction
 * (`FOR UPDATE SKIP LOCKED`, so two relays never claim the same row), enqueues each with the
 * deterministic job id `outbox-<id>` and marks it dispatched. A row whose enqueue fails keeps
 * `dispatched_at` null, gets `attempts`/`last_error`, and is tried again on the next tick.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly enqueueTimeoutMs: number;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queueFor: (name: QueueName) => Queue,
    private readonly logger: RelayLogger,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops claiming; resolves once the tick in progress (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** One claim → enqueue → mark round. Public for tests and for an operator's "flush now". */
  async relayOnce(): Promise<RelayTickResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id::text AS id, job_name, payload FROM outbox_message
          WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return { claimed: 0, dispatched: 0, failed: 0 };

      const outcomes = await Promise.all(
        rows.map(async (row) => {
          try {
            await this.enqueue(row);
            return { id: row.id, error: null };
          } catch (err) {
            return { id: row.id, error: err instanceof Error ? err.message : String(err) };
          }
        }),
      );

      const dispatched = outcomes.filter((o) => o.error === null).map((o) => o.id);
      if (dispatched.length > 0) {
        await manager.query(
          `UPDATE outbox_message SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL
            WHERE id = ANY($1::bigint[])`,
          [dispatched],
        );
      }
      const failed = outcomes.filter((o): o is { id: string; error: string } => o.error !== null);
      for (const f of failed) {
        await manager.query('UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
          f.id,
          f.error,
        ]);
        this.logger.warn(
          { outboxId: f.id, jobId: outboxJobId(f.id), err: f.error },
          'outbox message not enqueued; retrying next tick',
        );
      }
      if (dispatched.length > 0) this.logger.debug({ count: dispatched.length }, 'outbox messages dispatched');
      return { claimed: rows.length, dispatched: dispatched.length, failed: failed.length };
    });
  }

  private async enqueue(row: PendingRow): Promise<void> {
    if (!isJobName(row.job_name)) {
      // Written by a newer api than this worker: leave it pending for a worker that knows it.
      throw new Error(`unknown job name "${row.job_name}"`);
    }
    const queue = this.queueFor(JOB_QUEUE[row.job_name]);
    const add = queue.add(row.job_name, row.payload, { ...OUTBOX_JOB_OPTIONS, jobId: outboxJobId(row.id) });
    // If the timeout wins, the add may still land later: harmless, the next tick re-adds the same job id.
    add.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`enqueue timed out after ${this.enqueueTimeoutMs} ms`)),
        this.enqueueTimeoutMs,
      );
    });
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.current = this.tick().finally(() => {
        this.current = undefined;
        if (this.running) this.schedule(this.options.pollIntervalMs);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      // Drain a backlog without waiting a poll interval between full batches.
      let result: RelayTickResult;
      do {
        result = await this.relayOnce();
      } while (this.running && result.claimed === this.batchSize && result.failed === 0);
    } catch (err) {
      this.logger.error({ err }, 'outbox relay tick failed; retrying next tick');
    }
  }
}
