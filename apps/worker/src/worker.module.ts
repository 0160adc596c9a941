import { getQueueToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { WorkerHost } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  AppConfig,
  AppConfigModule,
  DatabaseModule,
  JobReceipts,
  OutboxRelay,
  QUEUE_NAMES,
  QueueModule,
  REDACTED_PATHS,
  assertHandlerRegistry,
  type JobHandler,
  type JobHandlerClass,
  type QueueName,
} from '@eclore/server-platform';
import { dataSourceOptions } from '@eclore/migrations';
import { IdentityJobsModule } from '@eclore/server-identity';
import { NotificationsEngineModule } from '@eclore/server-notifications';
import { DeadlineJobsModule } from '@eclore/server-qualification';
import { ExperimentJobsModule } from '@eclore/server-realisation';
import { ResumeJobsModule } from '@eclore/server-committee';
import { FieldReviewJobsModule } from '@eclore/server-realisation';
import { RecognitionJobsModule } from '@eclore/server-recognition';
import { WebhooksWorkerModule } from '@eclore/server-webhooks';
import { createQueueProcessor } from './queue-processor';
import { JOB_HANDLERS, QUEUE_PROCESSORS, WORKER_LOGGER } from './tokens';

export interface WorkerModuleOptions {
  config: AppConfig;
  handlers: readonly JobHandlerClass[];
}

/** Starts the relay once the processors are up, and stops everything in the safe order. */
@Injectable()
export class WorkerLifecycle implements BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(QUEUE_PROCESSORS) private readonly processors: readonly WorkerHost[],
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await Promise.all(this.processors.map((p) => p.worker.waitUntilReady()));
    this.relay.start();
  }

  /**
   * Runs before any onApplicationShutdown hook (TypeORM closes the database there): stop claiming
   * outbox rows, then let BullMQ finish the jobs in flight while the database is still open.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'worker shutting down: relay stops, in-flight jobs finish');
    await this.relay.stop();
    await Promise.all(this.processors.map((p) => p.worker.close()));
    this.logger.info({}, 'worker drained');
  }
}

/** The worker's one pino logger: its own lines, Nest's and the relay's, with the same redaction as the api. */
function workerLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'worker', pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
  });
}

/** The worker: BullMQ processors for every queue of the registry, the outbox relay, job receipts. */
@Module({})
export class WorkerModule {
  static forRoot({ config, handlers }: WorkerModuleOptions): DynamicModule {
    const handlerMap = assertHandlerRegistry(handlers);
    const logger = workerLogger(config.LOG_LEVEL);
    const processors: Type<WorkerHost>[] = QUEUE_NAMES.map((queue) =>
      createQueueProcessor(queue, {
        concurrency: config.WORKER_CONCURRENCY,
        lockDuration: config.JOB_LOCK_DURATION_MS,
      }),
    );
    const handlerClasses = handlers as unknown as Type<JobHandler>[];

    return {
      module: WorkerModule,
      imports: [
        AppConfigModule,
        // Nest's own lines (boot, BullMQ errors) go through the same pino logger.
        LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] }),
        DatabaseModule.forRoot(dataSourceOptions),
        QueueModule,
        // The injectable engine steps and sender the notification and webhook handlers take.
        NotificationsEngineModule,
        WebhooksWorkerModule,
        DeadlineJobsModule,
        ExperimentJobsModule,
        IdentityJobsModule,
        FieldReviewJobsModule,
        ResumeJobsModule,
        RecognitionJobsModule,
      ],
      providers: [
        { provide: WORKER_LOGGER, useValue: logger },
        JobReceipts,
        ...handlerClasses,
        ...processors,
        {
          provide: JOB_HANDLERS,
          inject: [...handlerMap.values()],
          useFactory: (...instances: JobHandler[]) =>
            new Map([...handlerMap.keys()].map((name, i) => [name, instances[i]!])),
        },
        {
          provide: QUEUE_PROCESSORS,
          inject: processors,
          useFactory: (...instances: WorkerHost[]) => instances,
        },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken(), AppConfig, ModuleRef],
          useFactory: (dataSource: DataSource, appConfig: AppConfig, moduleRef: ModuleRef) =>
            new OutboxRelay(
              dataSource,
              (name: QueueName) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
              logger.child({ component: 'outbox-relay' }),
              { pollIntervalMs: appConfig.OUTBOX_POLL_INTERVAL_MS },
            ),
        },
        WorkerLifecycle,
      ],
    };
  }
}
