import type { DataSource, EntityManager } from 'typeorm';
import { messageIdFor } from '../mail/mailer';
import { EmailRepository } from './email.repository';
import type { InsertedNotificationRow } from './notification.repository';

export interface NewEmail {
  key: string;
  recipientId: string;
  notificationIds: string[];
}

/** Set for fan-outs: one `notifications.deliver_batch` message per this many e-mails, not one each. */
export interface EnqueueOptions {
  batchSize?: number;
}

/** Records the e-mails to send, inside the caller's transaction (dispatch, digests, fan-outs). */
export class EmailQueue {
  private readonly repo: EmailRepository;

  constructor(
    ds: DataSource,
    private readonly publicUrl: string,
  ) {
    this.repo = new EmailRepository(ds);
  }

  /**
   * One e-mail per new notification whose recipient takes its category "immediately" (digest-only
   * events and other frequencies wait for the digest). Returns how many e-mails were recorded.
   */
  async immediately(
    m: EntityManager,
    inserted: readonly InsertedNotificationRow[],
    options: EnqueueOptions = {},
  ): Promise<number> {
    const immediate = await this.repo.immediate(
      inserted.map((n) => n.id),
      m,
    );
    return this.enqueue(
      m,
      immediate.map((n) => ({ key: `email:${n.id}`, recipientId: n.recipient_id, notificationIds: [n.id] })),
      'immediate',
      options,
    );
  }

  /** Digest side: every notification up to `now` that the recipient takes as this digest. */
  digestable(m: EntityManager, frequency: 'daily' | 'weekly', now: Date): Promise<InsertedNotificationRow[]> {
    return this.repo.digestable(frequency, now, m);
  }

  /**
   * Records e-mails to send (delivery + items) and their outbox messages. A key that exists
   * already, or an item already carried by another e-mail, is skipped; an e-mail left with no item
   * is not created. Returns how many e-mails were recorded.
   */
  async enqueue(
    m: EntityManager,
    emails: readonly NewEmail[],
    kind: 'immediate' | 'digest',
    options: EnqueueOptions = {},
  ): Promise<number> {
    if (emails.length === 0) return 0;
    const deliveries = await this.repo.insertDeliveries(
      emails.map((e) => ({ key: e.key, kind, recipientId: e.recipientId, messageId: messageIdFor(e.key, this.publicUrl) })),
      m,
    );
    if (deliveries.length === 0) return 0;
    const idByKey = new Map(deliveries.map((d) => [d.key, d.id]));
    const pairs = emails.flatMap((e) =>
      idByKey.has(e.key) ? e.notificationIds.map((n) => [n, idByKey.get(e.key)!] as const) : [],
    );
    const carrying = await this.repo.insertItems(pairs, m);
    const empty = deliveries.filter((d) => !carrying.has(d.id)).map((d) => d.id);
    // Never an empty e-mail: everything it would have carried already went out by another.
    if (empty.length > 0) await this.repo.deleteDeliveries(empty, m);
    const toSend = deliveries.filter((d) => carrying.has(d.id)).map((d) => d.id);
    if (toSend.length > 0) {
      if (!m.queryRunner?.isTransactionActive) throw new Error('EmailQueue.enqueue must run inside a transaction');
      await this.repo.enqueue(toSend, options.batchSize, m);
    }
    return toSend.length;
  }
}
