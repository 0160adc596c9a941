import type { DataSource, EntityManager } from 'typeorm';
import { notificationRecipients, type EventAuthor, type NotifiableEvent } from '@eclore/domain';
import { messageIdFor } from '../mail/mailer';
import { EMAIL_FREQUENCY_SQL } from './preferences.sql';

export interface DispatchResult {
  notified: number;
  emails: number;
}

/**
 * Turns one idea event into in-app notifications and the immediate e-mails to send, in ONE
 * transaction: the notification rows (unique per event and recipient), the delivery records
 * (unique per key) and their outbox messages commit together, so a re-run job adds nothing and a
 * crashed one leaves nothing behind.
 */
export class NotificationDispatcher {
  constructor(
    private readonly ds: DataSource,
    private readonly options: { emailEnabled: boolean; publicUrl: string },
  ) {}

  dispatch(ideaEventId: string): Promise<DispatchResult> {
    return this.ds.transaction((m) => this.dispatchIn(m, ideaEventId));
  }

  private async dispatchIn(m: EntityManager, ideaEventId: string): Promise<DispatchResult> {
    const [event] = (await m.query(
      `SELECT e.id::text AS id, e.idea_id, e.type, e.actor_id, e.data, e.occurred_at
         FROM idea_event e WHERE e.id = $1`,
      [ideaEventId],
    )) as {
      id: string;
      idea_id: string;
      type: string;
      actor_id: string | null;
      data: Record<string, unknown>;
      occurred_at: Date;
    }[];
    if (!event) return { notified: 0, emails: 0 }; // its idea was deleted meanwhile
    const [authors, followers] = await Promise.all([
      m.query('SELECT person_id AS "personId", role, status FROM idea_author WHERE idea_id = $1', [
        event.idea_id,
      ]) as Promise<EventAuthor[]>,
      m.query('SELECT person_id FROM idea_follow WHERE idea_id = $1', [event.idea_id]) as Promise<
        { person_id: string }[]
      >,
    ]);
    let commentAuthorId: string | null = null;
    const commentId = event.data['commentId'];
    if (typeof commentId === 'string') {
      const [c] = (await m.query('SELECT author_id FROM idea_comment WHERE id::text = $1', [commentId])) as {
        author_id: string;
      }[];
      commentAuthorId = c?.author_id ?? null;
    }
    // An anonymous author's comment is recorded without an actor; its writer is still who acted and
    // must not be told of their own comment (used for this only, never shown).
    const actorId =
      event.actor_id ?? (event.type === 'commented' || event.type === 'mentioned' ? commentAuthorId : null);
    const notifiable: NotifiableEvent = {
      type: event.type,
      actorId,
      data: event.data,
      authors,
      followerIds: followers.map((f) => f.person_id),
      commentAuthorId,
    };
    const recipients = notificationRecipients(notifiable);
    if (recipients.length === 0) return { notified: 0, emails: 0 };

    // Inactive people are not told; the notification's time is the event's, so digests and the
    // centre order by when things happened.
    const inserted = (await m.query(
      `INSERT INTO notification (recipient_id, idea_id, event_id, event_type, category, needs_action, created_at)
       SELECT r.person_id, $1, $2, $3, r.category, r.needs_action, $4
         FROM unnest($5::uuid[], $6::text[], $7::boolean[]) AS r(person_id, category, needs_action)
         JOIN person p ON p.id = r.person_id AND p.active
       ON CONFLICT (event_id, recipient_id) DO NOTHING
       RETURNING id::text AS id, recipient_id`,
      [
        event.idea_id,
        event.id,
        event.type,
        event.occurred_at,
        recipients.map((r) => r.personId),
        recipients.map((r) => r.category),
        recipients.map((r) => r.needsAction),
      ],
    )) as { id: string; recipient_id: string }[];
    if (inserted.length === 0 || !this.options.emailEnabled) return { notified: inserted.length, emails: 0 };
    return { notified: inserted.length, emails: await emailImmediately(m, inserted, this.options.publicUrl) };
  }
}

/**
 * One e-mail per new notification whose recipient takes its category "immediately" (digest-only
 * events and other frequencies wait for the digest). Returns how many e-mails were recorded.
 */
export async function emailImmediately(
  m: EntityManager,
  inserted: readonly { id: string; recipient_id: string }[],
  publicUrl: string,
  options: { batchSize?: number } = {},
): Promise<number> {
  const immediate = (await m.query(
    `SELECT n.id::text AS id, n.recipient_id FROM notification n
      WHERE n.id = ANY($1::bigint[]) AND ${EMAIL_FREQUENCY_SQL} = 'immediately'`,
    [inserted.map((n) => n.id)],
  )) as { id: string; recipient_id: string }[];
  return enqueueEmails(
    m,
    immediate.map((n) => ({ key: `email:${n.id}`, recipientId: n.recipient_id, notificationIds: [n.id] })),
    'immediate',
    publicUrl,
    options,
  );
}

export interface NewEmail {
  key: string;
  recipientId: string;
  notificationIds: string[];
}

/**
 * Records e-mails to send (delivery + items) and their outbox messages, inside the caller's
 * transaction. A key that exists already, or an item already carried by another e-mail, is skipped;
 * an e-mail left with no item is not created. Returns how many e-mails were recorded.
 */
export async function enqueueEmails(
  m: EntityManager,
  emails: readonly NewEmail[],
  kind: 'immediate' | 'digest',
  publicUrl: string,
  /** Set for fan-outs: one `notifications.deliver_batch` message per this many e-mails, not one each. */
  options: { batchSize?: number } = {},
): Promise<number> {
  if (emails.length === 0) return 0;
  const deliveries = (await m.query(
    `INSERT INTO notification_delivery (key, kind, recipient_id, message_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[])
     ON CONFLICT (key) DO NOTHING RETURNING id, key`,
    [
      emails.map((e) => e.key),
      emails.map(() => kind),
      emails.map((e) => e.recipientId),
      emails.map((e) => messageIdFor(e.key, publicUrl)),
    ],
  )) as { id: string; key: string }[];
  if (deliveries.length === 0) return 0;
  const idByKey = new Map(deliveries.map((d) => [d.key, d.id]));
  const pairs = emails.flatMap((e) =>
    idByKey.has(e.key) ? e.notificationIds.map((n) => [n, idByKey.get(e.key)!] as const) : [],
  );
  const items = (await m.query(
    `INSERT INTO notification_delivery_item (notification_id, channel, delivery_id)
     SELECT n, 'email', d FROM unnest($1::bigint[], $2::uuid[]) AS x(n, d)
     ON CONFLICT (notification_id, channel) DO NOTHING RETURNING delivery_id`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  )) as { delivery_id: string }[];
  const carrying = new Set(items.map((i) => i.delivery_id));
  const empty = deliveries.filter((d) => !carrying.has(d.id)).map((d) => d.id);
  // Never an empty e-mail: everything it would have carried already went out by another.
  if (empty.length > 0) await m.query('DELETE FROM notification_delivery WHERE id = ANY($1::uuid[])', [empty]);
  const toSend = deliveries.filter((d) => carrying.has(d.id)).map((d) => d.id);
  // The outbox rows of OutboxService.append, written set-based: a fan-out may record thousands.
  if (toSend.length > 0) {
    if (!m.queryRunner?.isTransactionActive) throw new Error('enqueueEmails must run inside a transaction');
    if (options.batchSize) {
      const size = options.batchSize;
      await m.query(
        `INSERT INTO outbox_message (job_name, payload)
         SELECT 'notifications.deliver_batch', jsonb_build_object('deliveryIds', to_jsonb(b.ids))
           FROM (SELECT array_agg(d ORDER BY o) AS ids FROM unnest($1::uuid[]) WITH ORDINALITY AS x(d, o)
                  GROUP BY (o - 1) / $2) b`,
        [toSend, size],
      );
    } else {
      await m.query(
        `INSERT INTO outbox_message (job_name, payload)
         SELECT 'notifications.deliver', jsonb_build_object('deliveryId', d) FROM unnest($1::uuid[]) AS d`,
        [toSend],
      );
    }
  }
  return toSend.length;
}
