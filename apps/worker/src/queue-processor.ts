import { performance } from 'node:perf_hooks';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type Type } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { isJobName, type JobHandler, type JobName, type QueueName } from '@eclore/server-platform';
import { JOB_HANDLERS, WORKER_LOGGER } from './tokens';

export type JobHandlerMap = ReadonlyMap<JobName, JobHandler>;

export interface QueueWorkerSettings {
  concurrency: number;
  /** A job whose lock is not renewed for this long (its worker died) is handed to another worker. */
  lockDuration: number;
}

/**
 * Builds the one `@Processor` class of a queue. Classes are made per queue at boot because
 * @nestjs/bullmq reads worker options from decorator metadata, and ours come from the validated
 * config (WORKER_CONCURRENCY, JOB_LOCK_DURATION_MS).
 */
export function createQueueProcessor(queue: QueueName, settings: QueueWorkerSettings): Type<WorkerHost> {
  @Processor(queue, {
    concurrency: settings.concurrency,
    lockDuration: settings.lockDuration,
    // Check for expired locks as often as a lock lasts: a dead worker's job is back in under ~2 locks.
    stalledInterval: settings.lockDuration,
    // A job may be orphaned by two crashes before it counts as failed.
    maxStalledCount: 2,
  })
  class QueueProcessor extends WorkerHost {
    private readonly log: Logger;

    constructor(
      @Inject(JOB_HANDLERS) private readonly handlers: JobHandlerMap,
      @Inject(WORKER_LOGGER) logger: Logger,
    ) {
      super();
      this.log = logger.child({ queue });
    }

    async process(job: Job): Promise<unknown> {
      const fields = { jobName: job.name, jobId: job.id, attempt: job.attemptsMade + 1 };
      const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
      if (!handler) {
        this.log.error(fields, 'job has no handler in this worker');
        // Retrying cannot help; fail it for good (it stays inspectable in the failed set).
        throw new UnrecoverableError(`no handler for job "${job.name}"`);
      }
      const start = performance.now();
      this.log.info(fields, 'job started');
      try {
        const result = await handler.handle(job.data as never, job as never);
        this.log.info({ ...fields, durationMs: Math.round(performance.now() - start) }, 'job completed');
        return result;
      } catch (err) {
        this.log.error({ ...fields, durationMs: Math.round(performance.now() - start), err }, 'job failed');
        throw err;
      }
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0]!.toUpperCase()}${queue.slice(1)}QueueProcessor` });
  return QueueProcessor;
}
