import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import { RetryableDeliveryError, WebhookSender, type DeliverOutcome } from '@eclore/server-webhooks';

/** Idea event → one delivery (and one deliver job, via the outbox) per matching active subscription. */
@HandlesJob('webhooks.dispatch')
@Injectable()
export class WebhooksDispatchHandler implements JobHandler<'webhooks.dispatch'> {
  constructor(private readonly sender: WebhookSender) {}

  async handle(payload: JobPayloads['webhooks.dispatch']): Promise<{ created: number }> {
    return { created: (await this.sender.dispatch(payload.ideaEventId)).length };
  }
}

/**
 * One signed POST. A retryable failure (network, timeout, 5xx, 429) is thrown so BullMQ retries with
 * the job's exponential backoff; a 4xx other than 429 is recorded as failed and the job completes.
 */
@HandlesJob('webhooks.deliver')
@Injectable()
export class WebhooksDeliverHandler implements JobHandler<'webhooks.deliver'> {
  constructor(private readonly sender: WebhookSender) {}

  async handle(
    payload: JobPayloads['webhooks.deliver'],
    job: Job<JobPayloads['webhooks.deliver']>,
  ): Promise<DeliverOutcome> {
    const attempt = job.attemptsMade + 1;
    const backoff = job.opts.backoff;
    const baseDelay = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 0);
    const outcome = await this.sender.deliver(payload.deliveryId, {
      attempt,
      maxAttempts: job.opts.attempts ?? 1,
      // BullMQ's exponential backoff: delay × 2^(attempts made − 1), counted after this attempt.
      nextDelayMs: baseDelay * 2 ** (attempt - 1),
    });
    if (outcome.result === 'retry') throw new RetryableDeliveryError(outcome.error);
    return outcome;
  }
}
