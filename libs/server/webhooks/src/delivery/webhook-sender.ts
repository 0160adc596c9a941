import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '@eclore/server-platform';
import type { WebhookDelivery, WebhookSubscription } from '../entities';
import { PING_EVENT_TYPE } from './event-types';
import { signWebhook } from './signature';
import { STRICT_WEBHOOK_POLICY, type ResolvedAddress, type WebhookAddressPolicy } from './webhook-address';
import { postWebhook } from './webhook-http';
import { buildEventBody, pingBody, type WebhookBody } from './webhook-payload';
import { WebhooksRepository } from '../webhooks.repository';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface AttemptInfo {
  /** 1-based number of this attempt of the job. */
  attempt: number;
  maxAttempts: number;
  /** When the queue will try again if this attempt fails (for next_attempt_at). */
  nextDelayMs: number;
}

export type DeliverOutcome =
  | { result: 'sent'; status: number }
  | { result: 'retry'; error: string }
  | { result: 'failed'; error: string }
  | { result: 'skipped'; reason: 'gone' | 'already_sent' | 'already_failed' };

export interface WebhookSenderOptions {
  publicUrl: string;
  timeoutMs?: number;
  /** Which receivers may be reached (WEBHOOK_ALLOWED_HOSTS); public addresses only when absent. */
  policy?: WebhookAddressPolicy;
  /** Replaces DNS resolution (tests). */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
}

/** A delivery the queue should try again; the handler throws it so BullMQ applies its backoff. */
export class RetryableDeliveryError extends Error {}

/**
 * Dispatch (idea event → deliveries) and delivery (one signed POST) of outgoing webhooks. Used by
 * the worker's handlers; no Nest dependency so tests and benches can drive it directly.
 */
export class WebhookSender {
  private readonly outbox = new OutboxService();
  private readonly timeoutMs: number;
  private readonly policy: WebhookAddressPolicy;
  private readonly repo: WebhooksRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly options: WebhookSenderOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.policy = options.policy ?? STRICT_WEBHOOK_POLICY;
    this.repo = new WebhooksRepository(ds);
  }

  /**
   * One delivery per active subscription to this event type, and a `webhooks.deliver` message for
   * each new one, in one transaction. The unique (subscription, event) key makes a retried dispatch
   * insert nothing and so enqueue nothing. Returns the ids of the deliveries created now.
   */
  async dispatch(ideaEventId: string): Promise<string[]> {
    return this.ds.transaction(async (manager) => {
      const body = await buildEventBody(manager, ideaEventId, this.options.publicUrl);
      if (!body) return [];
      const ids = await this.repo.insertForEvent(ideaEventId, body.type, manager);
      for (const deliveryId of ids) await this.outbox.append(manager, 'webhooks.deliver', { deliveryId });
      return ids;
    });
  }

  /**
   * Sends one delivery. The row stays locked during the POST so a replay or a stalled-job rerun
   * waits, then sees `sent` and does nothing. 2xx → sent; 4xx other than 429 (and redirects, which
   * are not followed) and a forbidden receiver address → failed for good; network errors, timeouts, 5xx and 429 → retry until the
   * last attempt, then failed. A crash between the receiver's 2xx and our commit can repeat a POST:
   * receivers dedupe on `X-Eclore-Delivery`.
   */
  async deliver(deliveryId: string, attempt: AttemptInfo): Promise<DeliverOutcome> {
    return this.ds.transaction(async (manager) => {
      const delivery = await this.repo.lockDelivery(deliveryId, manager);
      if (!delivery) return { result: 'skipped', reason: 'gone' };
      if (delivery.status === 'sent') return { result: 'skipped', reason: 'already_sent' };
      if (delivery.status === 'failed') return { result: 'skipped', reason: 'already_failed' };
      const subscription = await this.repo.subscription(delivery.subscriptionId, manager);
      if (!subscription) return { result: 'skipped', reason: 'gone' };
      if (!subscription.active) return this.fail(manager, delivery, null, 'subscription_inactive');

      const body =
        delivery.eventType === PING_EVENT_TYPE || delivery.ideaEventId === null
          ? pingBody(delivery.id, subscription.id, delivery.createdAt)
          : await buildEventBody(manager, delivery.ideaEventId, this.options.publicUrl);
      // The idea left the wall (hidden, returned) since the event: nothing more is said about it.
      if (!body) return this.fail(manager, delivery, null, 'idea_not_public');

      const response = await this.post(subscription, delivery, body);
      const attempts = delivery.attempts + 1;
      if (response.ok && response.status !== null) {
        await this.repo.updateDelivery(
          delivery.id,
          { status: 'sent', attempts, lastStatus: response.status, lastError: null, nextAttemptAt: null, sentAt: new Date() },
          manager,
        );
        return { result: 'sent', status: response.status };
      }
      // A refused address stays refused: no retry hammers it (nor tells the admin more by timing).
      const retryable =
        response.error !== 'forbidden_address' &&
        (response.status === null || response.status >= 500 || response.status === 429);
      if (!retryable || attempt.attempt >= attempt.maxAttempts) {
        return this.fail(manager, delivery, response.status, response.error, attempts);
      }
      await this.repo.updateDelivery(
        delivery.id,
        {
          attempts,
          lastStatus: response.status,
          lastError: response.error,
          nextAttemptAt: new Date(Date.now() + attempt.nextDelayMs),
        },
        manager,
      );
      return { result: 'retry', error: response.error };
    });
  }

  private async fail(
    manager: EntityManager,
    delivery: WebhookDelivery,
    status: number | null,
    error: string,
    attempts = delivery.attempts,
  ): Promise<DeliverOutcome> {
    await this.repo.updateDelivery(
      delivery.id,
      { status: 'failed', attempts, lastStatus: status, lastError: error, nextAttemptAt: null },
      manager,
    );
    return { result: 'failed', error };
  }

  private async post(
    subscription: WebhookSubscription,
    delivery: WebhookDelivery,
    body: WebhookBody,
  ): Promise<{ ok: boolean; status: number | null; error: string }> {
    const json = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const result = await postWebhook(
      subscription.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Eclore-Webhooks/1',
        'x-eclore-event': body.type,
        'x-eclore-delivery': delivery.id,
        'x-eclore-timestamp': timestamp,
        'x-eclore-signature': signWebhook(subscription.secret, timestamp, json),
      },
      json,
      { policy: this.policy, timeoutMs: this.timeoutMs, resolve: this.options.resolve },
    );
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    return { ok, status: result.status, error: result.error };
  }
}
