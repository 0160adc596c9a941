import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import {
  AnnualReportBuilder,
  AnnualReportScheduler,
  LedgerRecorder,
  RecognitionDueOpener,
  type AnnualReportOutcome,
} from '@eclore/server-recognition';
import { WORKER_LOGGER } from '../tokens';

/**
 * After any idea event: its contributions enter the ledger, then a milestone event opens its
 * "recognition due" items for the people the ledger credits (nothing twice on a retry: both are keyed).
 */
@HandlesJob('recognition.record_contributions')
@Injectable()
export class RecognitionRecordContributionsHandler implements JobHandler<'recognition.record_contributions'> {
  constructor(
    private readonly recorder: LedgerRecorder,
    private readonly opener: RecognitionDueOpener,
  ) {}

  async handle(
    payload: JobPayloads['recognition.record_contributions'],
  ): Promise<{ events: number; recorded: number; opened: number }> {
    const ledger = await this.recorder.record([payload.ideaEventId]);
    const due = await this.opener.open([payload.ideaEventId]);
    return { ...ledger, opened: due.opened };
  }
}

type AnnualReportPayload = JobPayloads['recognition.annual_report'];

/**
 * Builds an annual report run (AnnualReportBuilder.run). A crash mid-run leaves the job active; once
 * its lock expires BullMQ gives it to a worker again, which starts over and overwrites the same
 * files. When the last attempt fails the run is marked failed, so a new request can start another.
 */
@HandlesJob('recognition.annual_report')
@Injectable()
export class RecognitionAnnualReportHandler implements JobHandler<'recognition.annual_report'> {
  constructor(private readonly builder: AnnualReportBuilder) {}

  async handle(payload: AnnualReportPayload, job: Job<AnnualReportPayload>): Promise<{ outcome: AnnualReportOutcome }> {
    try {
      return { outcome: await this.builder.run(payload.runId) };
    } catch (err) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.builder.markFailed(payload.runId, err);
      throw err;
    }
  }
}

/** 1 January, 06:00 Paris time: the organisation's report of the year just ended. */
export const ANNUAL_REPORT_SCHEDULE = { id: 'annual-report-yearly', pattern: '0 6 1 1 *' } as const;

@HandlesJob('recognition.annual_report_schedule')
@Injectable()
export class RecognitionAnnualReportScheduleHandler
  implements JobHandler<'recognition.annual_report_schedule'>, OnApplicationBootstrap
{
  constructor(
    private readonly scheduler: AnnualReportScheduler,
    private readonly moduleRef: ModuleRef,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {}

  /** Requests last year's whole-organisation report (nothing new if one is already queued or running). */
  async handle(): Promise<{ runId: string; created: boolean }> {
    const year = new Date().getUTCFullYear() - 1;
    const { run, created } = await this.scheduler.request(year);
    return { runId: run.id, created };
  }

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken('recognition'), { strict: false });
    try {
      await queue.upsertJobScheduler(
        ANNUAL_REPORT_SCHEDULE.id,
        { pattern: ANNUAL_REPORT_SCHEDULE.pattern, tz: 'Europe/Paris' },
        {
          name: 'recognition.annual_report_schedule',
          data: {},
          opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
        },
      );
    } catch (err) {
      this.logger.error({ err }, 'annual report schedule not registered; it will not run until the next start');
    }
  }
}
