import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { HandlesJob, OUTBOX_JOB_OPTIONS, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import {
  AnnouncementFanOut,
  DeliverySender,
  RetryableDeliveryError,
  type BatchOutcome,
  type FanOutResult,
  DigestBuilder,
  NotificationDispatcher,
  PermanentDeliveryError,
  RoleRequestNotifier,
  type DispatchResult,
  type SendOutcome,
} from '@eclore/server-notifications';
import { WORKER_LOGGER } from '../tokens';

/** Writes an idea event's in-app notifications and records its immediate e-mails (one transaction). */
@HandlesJob('notifications.dispatch')
@Injectable()
export class NotificationsDispatchHandler implements JobHandler<'notifications.dispatch'> {
  constructor(private readonly dispatcher: NotificationDispatcher) {}

  handle(payload: JobPayloads['notifications.dispatch']): Promise<DispatchResult> {
    return this.dispatcher.dispatch(payload.ideaEventId);
  }
}

/** Tells every admin of a guardian grant asked for or given (in-app notifications + immediate e-mails). */
@HandlesJob('notifications.role_request')
@Injectable()
export class NotificationsRoleRequestHandler implements JobHandler<'notifications.role_request'> {
  constructor(private readonly notifier: RoleRequestNotifier) {}

  handle(payload: JobPayloads['notifications.role_request']): Promise<DispatchResult> {
    return this.notifier.dispatch(payload.requestId, payload.stage);
  }
}

/** Sends one recorded e-mail under its unique key (see DeliverySender for the crash protocol). */
@HandlesJob('notifications.deliver')
@Injectable()
export class NotificationsDeliverHandler implements JobHandler<'notifications.deliver'> {
  constructor(private readonly sender: DeliverySender) {}

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
}

/** Writes a campaign announcement's in-app notifications and immediate e-mails, batch by batch. */
@HandlesJob('notifications.announce')
@Injectable()
export class NotificationsAnnounceHandler implements JobHandler<'notifications.announce'> {
  constructor(
    private readonly fanOut: AnnouncementFanOut,
    private readonly moduleRef: ModuleRef,
  ) {}

  async handle(payload: JobPayloads['notifications.announce']): Promise<FanOutResult | { heldUntil: string }> {
    // Announced "when submissions open": held in a delayed job until then. Its id is derived from the
    // time, so a retried hold adds no second job.
    const announcedAt = await this.fanOut.announcedAt(payload.announcementId);
    const wait = announcedAt ? announcedAt.getTime() - Date.now() : 0;
    // A delayed job may fire a moment early: within a second is "now" (re-adding the same job id
    // from inside that job would be a no-op and the announcement would never go out).
    if (wait > 1000) {
      const queue = this.moduleRef.get<Queue>(getQueueToken('notifications'), { strict: false });
      await queue.add('notifications.announce', payload, {
        ...OUTBOX_JOB_OPTIONS,
        delay: wait,
        jobId: `announce-${payload.announcementId}-${announcedAt!.getTime()}`,
      });
      return { heldUntil: announcedAt!.toISOString() };
    }
    return this.fanOut.run(payload.announcementId);
  }
}

/**
 * Sends a fan-out's batch of e-mails. What could not go out yet (busy, temporary SMTP failure) makes
 * the job fail so BullMQ retries it with backoff; the retry skips what was sent.
 */
@HandlesJob('notifications.deliver_batch')
@Injectable()
export class NotificationsDeliverBatchHandler implements JobHandler<'notifications.deliver_batch'> {
  constructor(private readonly sender: DeliverySender) {}

  async handle(
    payload: JobPayloads['notifications.deliver_batch'],
    job: Job<JobPayloads['notifications.deliver_batch']>,
  ): Promise<Record<BatchOutcome['outcome'], number>> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcomes = await this.sender.deliverMany(payload.deliveryIds, { lastAttempt });
    const tally = { sent: 0, already_sent: 0, failed: 0, busy: 0, retry: 0, refused: 0 };
    for (const o of outcomes) tally[o.outcome] += 1;
    if (tally.busy + tally.retry > 0)
      throw new RetryableDeliveryError(`${tally.busy + tally.retry} of ${outcomes.length} e-mails to retry`);
    return tally;
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
  constructor(
    private readonly builder: DigestBuilder,
    private readonly moduleRef: ModuleRef,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {}

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
