import type { DataSource, EntityManager } from 'typeorm';
import type { DigestFrequency } from '@eclore/domain';
import type { InsertedNotificationRow } from './notification.repository';
import { EMAIL_FREQUENCY_SQL } from './preferences.sql';

/** A delivery just recorded, by its unique key. */
export interface RecordedDeliveryRow {
  id: string;
  key: string;
}

/** The recording of e-mails to send: deliveries, the notifications each carries, their outbox messages. */
export class EmailRepository {
  constructor(private readonly ds: DataSource) {}

  /** Those of these notifications whose recipient takes them by e-mail immediately. */
  immediate(notificationIds: readonly string[], m: EntityManager): Promise<InsertedNotificationRow[]> {
    return m.query(
      `SELECT n.id::text AS id, n.recipient_id FROM notification n
        WHERE n.id = ANY($1::bigint[]) AND ${EMAIL_FREQUENCY_SQL} = 'immediately'`,
      [notificationIds],
    );
  }

  /** Every notification up to `now` not yet e-mailed whose recipient takes it as this digest. */
  digestable(frequency: DigestFrequency, now: Date, m: EntityManager = this.ds.manager): Promise<InsertedNotificationRow[]> {
    return m.query(
      `SELECT n.id::text AS id, n.recipient_id FROM notification n
        WHERE n.created_at <= $1
          AND NOT EXISTS (SELECT 1 FROM notification_delivery_item di WHERE di.notification_id = n.id AND di.channel = 'email')
          AND ${EMAIL_FREQUENCY_SQL} = $2
        ORDER BY n.recipient_id, n.id`,
      [now, frequency],
    );
  }

  /** New deliveries; a key that exists already is skipped. */
  insertDeliveries(
    rows: readonly { key: string; kind: 'immediate' | 'digest'; recipientId: string; messageId: string }[],
    m: EntityManager,
  ): Promise<RecordedDeliveryRow[]> {
    return m.query(
      `INSERT INTO notification_delivery (key, kind, recipient_id, message_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[])
       ON CONFLICT (key) DO NOTHING RETURNING id, key`,
      [rows.map((e) => e.key), rows.map((e) => e.kind), rows.map((e) => e.recipientId), rows.map((e) => e.messageId)],
    );
  }

  /** Which notification each delivery carries; an item already carried by another is skipped. The deliveries carrying something. */
  async insertItems(pairs: readonly (readonly [string, string])[], m: EntityManager): Promise<Set<string>> {
    const rows = (await m.query(
      `INSERT INTO notification_delivery_item (notification_id, channel, delivery_id)
       SELECT n, 'email', d FROM unnest($1::bigint[], $2::uuid[]) AS x(n, d)
       ON CONFLICT (notification_id, channel) DO NOTHING RETURNING delivery_id`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    )) as { delivery_id: string }[];
    return new Set(rows.map((i) => i.delivery_id));
  }

  async deleteDeliveries(ids: readonly string[], m: EntityManager): Promise<void> {
    await m.query('DELETE FROM notification_delivery WHERE id = ANY($1::uuid[])', [ids]);
  }

  /**
   * The outbox rows of OutboxService.append, written set-based (a fan-out may record thousands): one
   * `notifications.deliver` per delivery, or one `notifications.deliver_batch` per `batchSize`.
   */
  async enqueue(deliveryIds: readonly string[], batchSize: number | undefined, m: EntityManager): Promise<void> {
    if (batchSize) {
      await m.query(
        `INSERT INTO outbox_message (job_name, payload)
         SELECT 'notifications.deliver_batch', jsonb_build_object('deliveryIds', to_jsonb(b.ids))
           FROM (SELECT array_agg(d ORDER BY o) AS ids FROM unnest($1::uuid[]) WITH ORDINALITY AS x(d, o)
                  GROUP BY (o - 1) / $2) b`,
        [deliveryIds, batchSize],
      );
    } else {
      await m.query(
        `INSERT INTO outbox_message (job_name, payload)
         SELECT 'notifications.deliver', jsonb_build_object('deliveryId', d) FROM unnest($1::uuid[]) AS d`,
        [deliveryIds],
      );
    }
  }
}
