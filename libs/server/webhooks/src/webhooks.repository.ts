import type { DataSource, EntityManager } from 'typeorm';
import { WebhookDelivery, WebhookSubscription } from './entities';

/** A new subscription's fields. */
export type NewWebhookSubscription = Pick<
  WebhookSubscription,
  'url' | 'description' | 'eventTypes' | 'secret' | 'active' | 'createdBy'
>;

/** What a delivery attempt records. */
export type WebhookDeliveryChanges = Partial<
  Pick<WebhookDelivery, 'status' | 'attempts' | 'lastStatus' | 'lastError' | 'nextAttemptAt' | 'sentAt'>
>;

/**
 * Every query of outgoing webhooks: subscriptions (the admins') and deliveries (the worker's and
 * the admins' replays). Each method takes the transaction's manager when it runs in one.
 */
export class WebhooksRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every subscription with its creator, newest first. */
  subscriptions(m: EntityManager = this.ds.manager): Promise<WebhookSubscription[]> {
    return m.find(WebhookSubscription, { relations: { creator: true }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  subscription(id: string, m: EntityManager = this.ds.manager): Promise<WebhookSubscription | null> {
    return m.findOneBy(WebhookSubscription, { id });
  }

  subscriptionWithCreator(id: string, m: EntityManager = this.ds.manager): Promise<WebhookSubscription | null> {
    return m.findOne(WebhookSubscription, { where: { id }, relations: { creator: true } });
  }

  /** The subscription, its row locked until the transaction ends. */
  lockSubscription(id: string, m: EntityManager): Promise<WebhookSubscription | null> {
    return m.findOne(WebhookSubscription, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insertSubscription(values: NewWebhookSubscription, m: EntityManager): Promise<string> {
    const inserted = await m.insert(WebhookSubscription, values);
    return String(inserted.identifiers[0]!['id']);
  }

  async updateSubscription(id: string, changes: Partial<WebhookSubscription>, m: EntityManager): Promise<void> {
    await m.update(WebhookSubscription, id, changes);
  }

  /** Its deliveries go with it (ON DELETE CASCADE). */
  async deleteSubscription(id: string, m: EntityManager): Promise<void> {
    await m.delete(WebhookSubscription, id);
  }

  delivery(id: string, m: EntityManager = this.ds.manager): Promise<WebhookDelivery> {
    return m.findOneByOrFail(WebhookDelivery, { id });
  }

  /** The delivery, its row locked until the transaction ends (a replay waits for a POST in flight). */
  lockDelivery(id: string, m: EntityManager): Promise<WebhookDelivery | null> {
    return m.findOne(WebhookDelivery, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A subscription's latest deliveries, newest first. */
  deliveriesOf(subscriptionId: string, limit: number, m: EntityManager = this.ds.manager): Promise<WebhookDelivery[]> {
    return m.find(WebhookDelivery, {
      where: { subscriptionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  async insertDelivery(subscriptionId: string, eventType: string, m: EntityManager): Promise<string> {
    const inserted = await m.insert(WebhookDelivery, { subscriptionId, ideaEventId: null, eventType });
    return String(inserted.identifiers[0]!['id']);
  }

  async updateDelivery(id: string, changes: WebhookDeliveryChanges, m: EntityManager): Promise<void> {
    await m.update(WebhookDelivery, id, changes);
  }

  /**
   * One delivery per active subscription to this event type; the unique (subscription, event) key
   * makes a second dispatch insert nothing. The ids of the deliveries created now.
   */
  async insertForEvent(ideaEventId: string, eventType: string, m: EntityManager): Promise<string[]> {
    const rows = (await m.query(
      `INSERT INTO webhook_delivery (subscription_id, idea_event_id, event_type)
       SELECT s.id, $1::bigint, $2 FROM webhook_subscription s WHERE s.active AND $2 = ANY(s.event_types)
       ON CONFLICT ON CONSTRAINT uq_webhook_delivery_subscription_event DO NOTHING
       RETURNING id`,
      [ideaEventId, eventType],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
