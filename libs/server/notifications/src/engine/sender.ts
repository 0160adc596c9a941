import type { DataSource, QueryRunner } from 'typeorm';
import { actorVisibleTo, isNotificationCategory, type Locale, type NotificationCategory } from '@eclore/domain';
import { isPermanentSmtpError, type Mailer } from '../mail/mailer';
import { ORGANISATION_LOCALE, type ActorLabel } from '../mail/messages';
import { renderDigest, renderImmediate, type MailItem, type RenderedMail } from '../mail/render';
import { signUnsubscribe, signingKey } from '../unsubscribe-token';

export type SendOutcome = 'sent' | 'already_sent' | 'failed' | 'busy';

/** Thrown for a failure worth retrying (BullMQ backs off exponentially). */
export class RetryableDeliveryError extends Error {}
/** Thrown when retrying cannot help (the job fails at once; the delivery shows as failed). */
export class PermanentDeliveryError extends Error {}

/** After a crash mid-send, how many more automatic attempts a key gets (then an admin decides). */
export const MAX_RESENDS_AFTER_INTERRUPTION = 1;

interface DeliveryRow {
  id: string;
  key: string;
  kind: 'immediate' | 'digest';
  status: string;
  interrupted: number;
  message_id: string;
  recipient_id: string;
}

/**
 * Sends one recorded e-mail, at most once per key in the normal course and recognisably when not.
 *
 * The protocol (docs/notifications.md):
 *  1. Take a PostgreSQL session advisory lock on the delivery for the whole attempt. It is released
 *     when the attempt ends OR when the worker's connection dies, so "status is `sending` and I could
 *     take the lock" proves the previous attempt was interrupted (no time threshold to guess).
 *  2. `sent` → nothing to do. `failed` → nothing until an admin replays it.
 *  3. Interrupted (`sending`): the message may or may not have reached the SMTP server. It is sent
 *     again at most MAX_RESENDS_AFTER_INTERRUPTION times, with the same key-derived Message-ID so a
 *     duplicate is recognisable; beyond that the delivery fails and waits for an admin's replay.
 *  4. Mark `sending` (committed), send, mark `sent`. The only window for a duplicate is between the
 *     server's "250 accepted" and that last commit.
 */
export class DeliverySender {
  constructor(
    private readonly ds: DataSource,
    private readonly mailer: Mailer | null,
    private readonly options: { publicUrl: string },
  ) {}

  async deliver(deliveryId: string, context: { lastAttempt: boolean }): Promise<SendOutcome> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }] = (await qr.query(
        "SELECT pg_try_advisory_lock(hashtext('notification_delivery'), hashtext($1)) AS locked",
        [deliveryId],
      )) as [{ locked: boolean }];
      if (!locked) throw new RetryableDeliveryError(`delivery ${deliveryId} is being sent by another worker`);
      try {
        return await this.deliverLocked(qr, deliveryId, context);
      } finally {
        await qr.query("SELECT pg_advisory_unlock(hashtext('notification_delivery'), hashtext($1))", [deliveryId]);
      }
    } finally {
      await qr.release();
    }
  }

  private async deliverLocked(
    qr: QueryRunner,
    deliveryId: string,
    context: { lastAttempt: boolean },
  ): Promise<SendOutcome> {
    const [row] = (await qr.query(
      'SELECT id, key, kind, status, interrupted, message_id, recipient_id FROM notification_delivery WHERE id = $1',
      [deliveryId],
    )) as DeliveryRow[];
    if (!row) return 'failed';
    if (row.status === 'sent') return 'already_sent';
    if (row.status === 'failed') return 'failed';
    if (!this.mailer) {
      await this.fail(qr, row.id, 'e-mail is off (SMTP_URL is not set)');
      return 'failed';
    }
    if (row.status === 'sending') {
      const interrupted = row.interrupted + 1;
      if (interrupted > MAX_RESENDS_AFTER_INTERRUPTION) {
        await qr.query(
          `UPDATE notification_delivery SET status = 'failed', interrupted = $2, failed_at = now(),
             last_error = 'interrupted twice while sending: it may have been received; replay to send again' WHERE id = $1`,
          [row.id, interrupted],
        );
        return 'failed';
      }
      await qr.query('UPDATE notification_delivery SET interrupted = $2 WHERE id = $1', [row.id, interrupted]);
    }

    const mail = await this.compose(qr, row);
    if (!mail) {
      await this.fail(qr, row.id, 'nothing left to send (the notifications were deleted)');
      return 'failed';
    }
    // Committed before the send: a crash from here on is seen as an interruption by the next attempt.
    await qr.query(
      `UPDATE notification_delivery SET status = 'sending', attempts = attempts + 1, sending_at = now() WHERE id = $1`,
      [row.id],
    );
    try {
      await this.mailer.send({
        to: mail.to,
        subject: mail.rendered.subject,
        html: mail.rendered.html,
        text: mail.rendered.text,
        messageId: row.message_id,
        headers: {
          'X-Eclore-Delivery': row.key,
          ...(mail.unsubscribe ? { 'List-Unsubscribe': `<${mail.unsubscribe}>` } : {}),
        },
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (isPermanentSmtpError(err) || context.lastAttempt) {
        await this.fail(qr, row.id, message);
        throw new PermanentDeliveryError(message);
      }
      // The server answered with an error (or never answered): nothing was accepted, retry later.
      await qr.query(`UPDATE notification_delivery SET status = 'pending', last_error = $2 WHERE id = $1`, [
        row.id,
        message,
      ]);
      throw new RetryableDeliveryError(message);
    }
    await qr.query(
      `UPDATE notification_delivery SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
      [row.id],
    );
    return 'sent';
  }

  private async fail(qr: QueryRunner, id: string, reason: string): Promise<void> {
    await qr.query(
      `UPDATE notification_delivery SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = $1`,
      [id, reason],
    );
  }

  private async compose(
    qr: QueryRunner,
    row: DeliveryRow,
  ): Promise<{ to: string; rendered: RenderedMail; unsubscribe: string | null } | null> {
    const [person] = (await qr.query('SELECT id, email, locale FROM person WHERE id = $1', [row.recipient_id])) as {
      id: string;
      email: string;
      locale: Locale | null;
    }[];
    if (!person) return null;
    const items = await this.items(qr, row.id, person.id);
    if (items.length === 0) return null;
    const locale = person.locale ?? ORGANISATION_LOCALE;
    const key = await signingKey(qr.manager);
    const base = this.options.publicUrl.replace(/\/$/, '');
    const links = {
      idea: (ideaId: string) => `${base}/ideas/${ideaId}`,
      unsubscribe: (category: NotificationCategory) =>
        `${base}/api/notifications/unsubscribe?token=${signUnsubscribe(key, person.id, category)}`,
    };
    const rendered =
      row.kind === 'immediate'
        ? renderImmediate(locale, items[0]!, links)
        : renderDigest(locale, row.key.startsWith('digest:weekly') ? 'weekly' : 'daily', items, links);
    const categories = [...new Set(items.map((i) => i.category))];
    return {
      to: person.email,
      rendered,
      unsubscribe: categories.length === 1 ? links.unsubscribe(categories[0]!) : null,
    };
  }

  /** The notifications an e-mail carries, each with its actor named only as this recipient may know them. */
  private async items(qr: QueryRunner, deliveryId: string, recipientId: string): Promise<MailItem[]> {
    const rows = (await qr.query(
      `SELECT n.idea_id, n.event_type, n.category, n.needs_action, i.title, i.anonymous, e.actor_id, e.data,
              ap.given_name, ap.family_name,
              ARRAY(SELECT a.person_id FROM idea_author a WHERE a.idea_id = n.idea_id AND a.status = 'accepted') AS author_ids
         FROM notification_delivery_item di
         JOIN notification n ON n.id = di.notification_id
         JOIN idea i ON i.id = n.idea_id
         JOIN idea_event e ON e.id = n.event_id
         LEFT JOIN person ap ON ap.id = e.actor_id
        WHERE di.delivery_id = $1
        ORDER BY n.needs_action DESC, n.id`,
      [deliveryId],
    )) as {
      idea_id: string;
      event_type: string;
      category: string;
      needs_action: boolean;
      title: string;
      anonymous: boolean;
      actor_id: string | null;
      data: Record<string, unknown>;
      given_name: string | null;
      family_name: string | null;
      author_ids: string[];
    }[];
    return rows
      .filter((r) => isNotificationCategory(r.category))
      .map((r) => {
        const visible = actorVisibleTo({
          actorId: r.actor_id,
          recipientId,
          anonymousIdea: r.anonymous,
          authorIds: r.author_ids,
        });
        const actor: ActorLabel =
          visible && r.given_name !== null
            ? { kind: 'person', name: `${r.given_name} ${r.family_name ?? ''}`.trim() }
            : r.actor_id === null || r.author_ids.includes(r.actor_id)
              ? { kind: 'author' }
              : { kind: 'someone' };
        const detail =
          [r.data['reason'], r.data['guidance']].find((v): v is string => typeof v === 'string' && v.length > 0) ??
          null;
        return {
          ideaId: r.idea_id,
          ideaTitle: r.title,
          type: r.event_type,
          actor,
          detail,
          category: r.category as NotificationCategory,
          needsAction: r.needs_action,
        };
      });
  }
}
