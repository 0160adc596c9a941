import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import {
  DeliverySender,
  DigestBuilder,
  Mailer,
  NotificationDispatcher,
  PermanentDeliveryError,
  type DispatchResult,
  type SendOutcome,
} from '@eclore/server-notifications';
import { WORKER_LOGGER } from '../tokens';

/** Writes an idea event's in-app notifications and records its immediate e-mails (one transaction). */
@HandlesJob('notifications.dispatch')
@Injectable()
export class NotificationsDispatchHandler implements JobHandler<'notifications.dispatch'> {
  private readonly dispatcher: NotificationDispatcher;

  constructor(ds: DataSource, config: AppConfig) {
    this.dispatcher = new NotificationDispatcher(ds, {
      emailEnabled: Boolean(config.SMTP_URL),
      publicUrl: config.PUBLIC_URL,
    });
  }

  handle(payload: JobPayloads['notifications.dispatch']): Promise<DispatchResult> {
    return this.dispatcher.dispatch(payload.ideaEventId);
  }
}

/** Sends one recorded e-mail under its unique key (see DeliverySender for the crash protocol). */
@HandlesJob('notifications.deliver')
@Injectable()
export class NotificationsDeliverHandler implements JobHandler<'notifications.deliver'>, OnModuleDestroy {
  private readonly mailer: Mailer | null;
  private readonly sender: DeliverySender;

  constructor(ds: DataSource, config: AppConfig) {
    this.mailer = config.SMTP_URL ? new Mailer(config.SMTP_URL, config.MAIL_FROM) : null;
    this.sender = new DeliverySender(ds, this.mailer, { publicUrl: config.PUBLIC_URL });
  }

  async handle(
    payload: JobPayloads['notifications.deliver'],
    job: Job<JobPayloads['notifications.deliver']>,
  ): Promise<SendOutcome> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await this.sender.deliver(payload.deliveryId, { lastAttempt });
    } catch (err) {
      // A refusal for good: no retry; the delivery shows as failed to admins, who may replay it.
      if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }

  onModuleDestroy(): void {
    this.mailer?.close();
  }
}

/** Daily digests at 07:00 and weekly ones on Monday 07:00 (organisation time). */
export const DIGEST_SCHEDULES = [
  { id: 'notifications-digest-daily', frequency: 'daily', pattern: '0 7 * * *' },
  { id: 'notifications-digest-weekly', frequency: 'weekly', pattern: '0 7 * * 1' },
] as const;
export const DIGEST_TIMEZONE = 'Europe/Paris';

/**
 * Builds the digests. `now` comes from the payload when given (the test clock: "the daily digest at
 * 07:00" is a job with that `now`), else the clock. Registers the repeatable schedules at boot
 * (upsert: every worker replica may do it, BullMQ keeps one scheduler per id).
 */
@HandlesJob('notifications.digest')
@Injectable()
export class NotificationsDigestHandler implements JobHandler<'notifications.digest'>, OnApplicationBootstrap {
  private readonly builder: DigestBuilder;

  constructor(
    ds: DataSource,
    config: AppConfig,
    private readonly moduleRef: ModuleRef,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {
    this.builder = new DigestBuilder(ds, { emailEnabled: Boolean(config.SMTP_URL), publicUrl: config.PUBLIC_URL });
  }

  async handle(payload: JobPayloads['notifications.digest']): Promise<{ digests: number; items: number }> {
    const now = payload.now ? new Date(payload.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new UnrecoverableError(`invalid digest time "${payload.now}"`);
    return this.builder.run(payload.frequency, now);
  }

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken('notifications'), { strict: false });
    for (const s of DIGEST_SCHEDULES) {
      try {
        await queue.upsertJobScheduler(
          s.id,
          { pattern: s.pattern, tz: DIGEST_TIMEZONE },
          {
            name: 'notifications.digest',
            data: { frequency: s.frequency },
            opts: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
          },
        );
      } catch (err) {
        this.logger.error(
          { err, scheduler: s.id },
          'digest schedule not registered; digests will not run until the next start',
        );
      }
    }
  }
}
