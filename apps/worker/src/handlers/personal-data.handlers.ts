import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, HandlesJob, FileStorage, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import {
  ErasureService,
  PersonalDataExportBuilder,
  expiredArchives,
  forgetArchive,
  type ExportBuildOutcome,
} from '@eclore/server-identity';
import { WORKER_LOGGER } from '../tokens';

type ExportPayload = JobPayloads['personal_data.export'];

/** Builds a "download my data" archive; when the last attempt fails the request is marked failed. */
@HandlesJob('personal_data.export')
@Injectable()
export class PersonalDataExportHandler implements JobHandler<'personal_data.export'> {
  // From IdentityJobsModule.
  constructor(private readonly builder: PersonalDataExportBuilder) {}

  async handle(payload: ExportPayload, job: Job<ExportPayload>): Promise<ExportBuildOutcome> {
    try {
      return await this.builder.run(payload.exportId);
    } catch (err) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.builder.markFailed(payload.exportId);
      throw err;
    }
  }
}

/** Daily at 03:00: the retention policy's erasures, then expired archives removed from the store. */
export const PERSONAL_DATA_RETENTION_SCHEDULE = { id: 'personal-data-retention', pattern: '0 3 * * *' } as const;

@HandlesJob('personal_data.retention')
@Injectable()
export class PersonalDataRetentionHandler implements JobHandler<'personal_data.retention'>, OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
    private readonly erasure: ErasureService,
    private readonly storage: FileStorage,
  ) {}

  async handle(): Promise<{ erased: number; archivesRemoved: number }> {
    const days = this.config.ERASE_AFTER_DEACTIVATION_DAYS;
    let erased = 0;
    if (days > 0) {
      // Batches until none is due, so a backlog clears in one run.
      for (
        let n = await this.erasure.eraseDeactivatedBefore(days);
        n > 0;
        n = await this.erasure.eraseDeactivatedBefore(days)
      ) {
        erased += n;
      }
    }
    const archives = await expiredArchives(this.dataSource.manager);
    for (const a of archives) {
      await this.storage.remove(a.storageKey);
      await forgetArchive(this.dataSource.manager, a.id);
    }
    return { erased, archivesRemoved: archives.length };
  }

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken('identity'), { strict: false });
    try {
      await queue.upsertJobScheduler(
        PERSONAL_DATA_RETENTION_SCHEDULE.id,
        { pattern: PERSONAL_DATA_RETENTION_SCHEDULE.pattern, tz: 'Europe/Paris' },
        {
          name: 'personal_data.retention',
          data: {},
          opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
        },
      );
    } catch (err) {
      this.logger.error(
        { err },
        'personal-data retention schedule not registered; it will not run until the next start',
      );
    }
  }
}
