import type { DataSource, QueryRunner } from 'typeorm';
import {
  actorVisibleTo,
  actsAsHiddenAuthor,
  eventDetail,
  isNotificationCategory,
  notificationPath,
  type Locale,
  type NotificationCategory,
} from '@eclore/domain';
import { isPermanentSmtpError, type Mailer } from '../mail/mailer';
import { ORGANISATION_LOCALE, type ActorLabel } from '../mail/messages';
import { renderDigest, renderImmediate, type MailItem, type RenderedMail } from '../mail/render';
import { sealUnsubscribe, signingKey } from '../unsubscribe-token';

export type SendOutcome = 'sent' | 'already_sent' | 'failed' | 'busy';

/** Who acted on a role request notification (no idea event): who asked, or who approved. */
export const ROLE_REQUEST_ACTOR_SQL = `CASE n.event_type WHEN 'role_granted' THEN rr.decided_by WHEN 'role_grant_requested' THEN rr.requested_by END`;

/** One delivery's outcome in a batch: `retry` = worth another attempt, `refused` = failed for good by SMTP. */
export interface BatchOutcome {
  id: string;
  outcome: SendOutcome | 'retry' | 'refused';
  error?: string;
}

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
 * A batch (a fan-out's e-mails) follows the same steps for each of its deliveries, with one lock
 * query, one read and one update per step for the whole batch instead of per e-mail.
 */
export class DeliverySender {
  constructor(
    private readonly ds: DataSource,
    private readonly mailer: Mailer | null,
    private readonly options: { publicUrl: string },
  ) {}

  /** One e-mail: throws RetryableDeliveryError (busy, temporary failure) or PermanentDeliveryError (refused). */
  async deliver(deliveryId: string, context: { lastAttempt: boolean }): Promise<SendOutcome> {
    const [result] = await this.deliverMany([deliveryId], context);
    if (!result) return 'failed';
    if (result.outcome === 'busy')
      throw new RetryableDeliveryError(`delivery ${deliveryId} is being sent by another worker`);
    if (result.outcome === 'retry') throw new RetryableDeliveryError(result.error ?? 'retry');
    if (result.outcome === 'refused') throw new PermanentDeliveryError(result.error ?? 'refused');
    return result.outcome;
  }

  /** Several e-mails, each under its own key and protocol; the outcomes say which to try again. */
  async deliverMany(deliveryIds: readonly string[], context: { lastAttempt: boolean }): Promise<BatchOutcome[]> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const locked = (
        (await qr.query(
          `SELECT d::text AS id FROM unnest($1::uuid[]) AS d
            WHERE pg_try_advisory_lock(hashtext('notification_delivery'), hashtext(d::text))`,
          [deliveryIds],
        )) as { id: string }[]
      ).map((r) => r.id);
      const busy = deliveryIds
        .filter((id) => !locked.includes(id))
        .map((id): BatchOutcome => ({ id, outcome: 'busy' }));
      try {
        return [...busy, ...(locked.length ? await this.deliverLocked(qr, locked, context) : [])];
      } finally {
        if (locked.length)
          await qr.query(
            `SELECT pg_advisory_unlock(hashtext('notification_delivery'), hashtext(d::text)) FROM unnest($1::uuid[]) AS d`,
            [locked],
          );
      }
    } finally {
      await qr.release();
    }
  }

  private async deliverLocked(
    qr: QueryRunner,
    ids: readonly string[],
    context: { lastAttempt: boolean },
  ): Promise<BatchOutcome[]> {
    const rows = (await qr.query(
      'SELECT id, key, kind, status, interrupted, message_id, recipient_id FROM notification_delivery WHERE id = ANY($1::uuid[])',
      [ids],
    )) as DeliveryRow[];
    const out: BatchOutcome[] = ids
      .filter((id) => !rows.some((r) => r.id === id))
      .map((id) => ({ id, outcome: 'failed' }));
    const open: DeliveryRow[] = [];
    for (const row of rows) {
      if (row.status === 'sent') out.push({ id: row.id, outcome: 'already_sent' });
      else if (row.status === 'failed') out.push({ id: row.id, outcome: 'failed' });
      else open.push(row);
    }
    if (open.length === 0) return out;
    if (!this.mailer) {
      await this.fail(
        qr,
        open.map((r) => r.id),
        'e-mail is off (SMTP_URL is not set)',
      );
      return [...out, ...open.map((r): BatchOutcome => ({ id: r.id, outcome: 'failed' }))];
    }
    const mailer = this.mailer;
    // Interrupted attempts: one more try with the same Message-ID, then an admin decides.
    const interrupted = open.filter((r) => r.status === 'sending');
    const twice = interrupted.filter((r) => r.interrupted + 1 > MAX_RESENDS_AFTER_INTERRUPTION).map((r) => r.id);
    if (twice.length) {
      await qr.query(
        `UPDATE notification_delivery SET status = 'failed', interrupted = interrupted + 1, failed_at = now(),
           last_error = 'interrupted twice while sending: it may have been received; replay to send again'
         WHERE id = ANY($1::uuid[])`,
        [twice],
      );
      out.push(...twice.map((id): BatchOutcome => ({ id, outcome: 'failed' })));
    }
    const resend = interrupted.filter((r) => !twice.includes(r.id)).map((r) => r.id);
    if (resend.length)
      await qr.query('UPDATE notification_delivery SET interrupted = interrupted + 1 WHERE id = ANY($1::uuid[])', [
        resend,
      ]);

    const candidates = open.filter((r) => !twice.includes(r.id));
    const mails = await this.compose(qr, candidates);
    const empty = candidates.filter((r) => !mails.has(r.id)).map((r) => r.id);
    if (empty.length) {
      await this.fail(qr, empty, 'nothing left to send (the notifications were deleted)');
      out.push(...empty.map((id): BatchOutcome => ({ id, outcome: 'failed' })));
    }
    const sending = candidates.filter((r) => mails.has(r.id));
    if (sending.length === 0) return out;
    // Committed before the send: a crash from here on is seen as an interruption by the next attempt.
    await qr.query(
      `UPDATE notification_delivery SET status = 'sending', attempts = attempts + 1, sending_at = now()
        WHERE id = ANY($1::uuid[])`,
      [sending.map((r) => r.id)],
    );
    const results = await Promise.allSettled(
      sending.map((row) => {
        const mail = mails.get(row.id)!;
        return mailer.send({
          to: mail.to,
          subject: mail.rendered.subject,
          html: mail.rendered.html,
          text: mail.rendered.text,
          messageId: row.message_id,
          headers: {
            'X-Eclore-Delivery': row.key,
            // RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` to the link.
            'List-Unsubscribe': `<${mail.unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
      }),
    );
    const sent = sending.filter((_, i) => results[i]!.status === 'fulfilled').map((r) => r.id);
    if (sent.length)
      // One statement: the deliveries become sent and their announcements' counters move together.
      await qr.query(
        `WITH sent AS (
           UPDATE notification_delivery SET status = 'sent', sent_at = now(), last_error = NULL
            WHERE id = ANY($1::uuid[]) RETURNING id, kind),
         counted AS (
           SELECT n.announcement_id AS id, count(*)::int AS k
             FROM sent JOIN notification_delivery_item di ON di.delivery_id = sent.id
             JOIN notification n ON n.id = di.notification_id
            WHERE n.announcement_id IS NOT NULL AND sent.kind = 'immediate'
            GROUP BY n.announcement_id)
         UPDATE campaign_announcement a SET emails_sent = a.emails_sent + counted.k FROM counted WHERE a.id = counted.id`,
        [sent],
      );
    out.push(...sent.map((id): BatchOutcome => ({ id, outcome: 'sent' })));
    for (const [i, row] of sending.entries()) {
      const r = results[i]!;
      if (r.status === 'fulfilled') continue;
      const message = r.reason instanceof Error ? r.reason.message : String(r.reason);
      if (isPermanentSmtpError(r.reason) || context.lastAttempt) {
        await this.fail(qr, [row.id], message);
        out.push({ id: row.id, outcome: 'refused', error: message });
      } else {
        // The server answered with an error (or never answered): nothing was accepted, retry later.
        await qr.query(`UPDATE notification_delivery SET status = 'pending', last_error = $2 WHERE id = $1`, [
          row.id,
          message,
        ]);
        out.push({ id: row.id, outcome: 'retry', error: message });
      }
    }
    return out;
  }

  private async fail(qr: QueryRunner, ids: readonly string[], reason: string): Promise<void> {
    await qr.query(
      `UPDATE notification_delivery SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = ANY($1::uuid[])`,
      [ids, reason],
    );
  }

  /** The e-mail of each delivery that still has something to carry, by delivery id. */
  private async compose(
    qr: QueryRunner,
    rows: readonly DeliveryRow[],
  ): Promise<Map<string, { to: string; rendered: RenderedMail; unsubscribe: string }>> {
    const out = new Map<string, { to: string; rendered: RenderedMail; unsubscribe: string }>();
    if (rows.length === 0) return out;
    const people = new Map(
      (
        (await qr.query('SELECT id, email, locale FROM person WHERE id = ANY($1::uuid[])', [
          [...new Set(rows.map((r) => r.recipient_id))],
        ])) as { id: string; email: string; locale: Locale | null }[]
      ).map((p) => [p.id, p]),
    );
    const items = await this.items(qr, rows);
    const key = await signingKey(qr.manager);
    const base = this.options.publicUrl.replace(/\/$/, '');
    for (const row of rows) {
      const person = people.get(row.recipient_id);
      const mine = items.get(row.id) ?? [];
      if (!person || mine.length === 0) continue;
      const locale = person.locale ?? ORGANISATION_LOCALE;
      // Opaque tokens: the link names no one (see unsubscribe-token.ts).
      const unsubscribeUrl = (categories: readonly NotificationCategory[]) =>
        `${base}/api/notifications/unsubscribe?token=${sealUnsubscribe(key, person.id, categories)}`;
      const links = { unsubscribe: (category: NotificationCategory) => unsubscribeUrl([category]) };
      const rendered =
        row.kind === 'immediate'
          ? renderImmediate(locale, mine[0]!, links)
          : renderDigest(locale, row.key.startsWith('digest:weekly') ? 'weekly' : 'daily', mine, links);
      const categories = [...new Set(mine.map((i) => i.category))];
      out.set(row.id, {
        to: person.email,
        rendered,
        // The header's one-click stops every category this e-mail carries (a digest's several).
        unsubscribe: unsubscribeUrl(categories),
      });
    }
    return out;
  }

  /** The notifications each e-mail carries, each with its actor named only as its recipient may know them. */
  private async items(qr: QueryRunner, deliveries: readonly DeliveryRow[]): Promise<Map<string, MailItem[]>> {
    const rows = (await qr.query(
      `SELECT di.delivery_id, n.idea_id, n.event_type, n.category, n.needs_action,
              COALESCE(i.title, c.title, rg.given_name || ' ' || rg.family_name) AS title,
              COALESCE(i.anonymous, false) AS anonymous, n.role_request_id,
              ca.campaign_id, c.question, COALESCE(e.actor_id, ${ROLE_REQUEST_ACTOR_SQL}) AS actor_id,
              COALESCE(e.data, '{}'::jsonb) AS data,
              COALESCE(e.public, false) AS public, ap.given_name, ap.family_name,
              CASE WHEN n.idea_id IS NULL THEN '{}'::uuid[] ELSE
                ARRAY(SELECT a.person_id FROM idea_author a WHERE a.idea_id = n.idea_id AND a.status = 'accepted') END AS author_ids,
              CASE WHEN n.idea_id IS NULL THEN '{}'::uuid[] ELSE
                ARRAY(SELECT a.person_id FROM idea_author a WHERE a.idea_id = n.idea_id AND a.status = 'accepted'
                        AND a.anonymous) END AS anonymous_credit_ids,
              i.captured_by
         FROM notification_delivery_item di
         JOIN notification n ON n.id = di.notification_id
         LEFT JOIN idea i ON i.id = n.idea_id
         LEFT JOIN idea_event e ON e.id = n.event_id
         LEFT JOIN campaign_announcement ca ON ca.id = n.announcement_id
         LEFT JOIN campaign c ON c.id = ca.campaign_id
         LEFT JOIN role_grant_request rr ON rr.id = n.role_request_id
         LEFT JOIN person rg ON rg.id = rr.person_id
         LEFT JOIN person ap ON ap.id = COALESCE(e.actor_id, ${ROLE_REQUEST_ACTOR_SQL})
        WHERE di.delivery_id = ANY($1::uuid[])
        ORDER BY n.needs_action DESC, n.id`,
      [deliveries.map((d) => d.id)],
    )) as {
      delivery_id: string;
      idea_id: string | null;
      event_type: string;
      category: string;
      needs_action: boolean;
      title: string;
      anonymous: boolean;
      role_request_id: string | null;
      campaign_id: string | null;
      question: string | null;
      actor_id: string | null;
      data: Record<string, unknown>;
      public: boolean;
      given_name: string | null;
      family_name: string | null;
      author_ids: string[];
      anonymous_credit_ids: string[];
      captured_by: string | null;
    }[];
    const recipientOf = new Map(deliveries.map((d) => [d.id, d.recipient_id]));
    const base = this.options.publicUrl.replace(/\/$/, '');
    const out = new Map<string, MailItem[]>();
    for (const r of rows) {
      if (!isNotificationCategory(r.category)) continue;
      const identities = {
        anonymousIdea: r.anonymous,
        authorIds: r.author_ids,
        capturerId: r.captured_by,
        anonymousCreditIds: r.anonymous_credit_ids,
      };
      const visible = actorVisibleTo({
        ...identities,
        actorId: r.actor_id,
        recipientId: recipientOf.get(r.delivery_id)!,
      });
      const actor: ActorLabel =
        visible && r.given_name !== null
          ? { kind: 'person', name: `${r.given_name} ${r.family_name ?? ''}`.trim() }
          : r.actor_id === null || r.author_ids.includes(r.actor_id) || actsAsHiddenAuthor(identities, r.actor_id)
            ? { kind: 'author' }
            : { kind: 'someone' };
      // Reasons and answers are for the people concerned; a follower reads the public ones only.
      const detail = r.category !== 'followed_ideas' || r.public ? eventDetail(r.data) : null;
      const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
      const item: MailItem = {
        groupKey: r.idea_id ?? (r.role_request_id ? `role-request:${r.role_request_id}` : `campaign:${r.campaign_id}`),
        link: `${base}${notificationPath({ eventType: r.event_type, ideaId: r.idea_id, campaignId: r.campaign_id, data: r.data })}`,
        ideaTitle: r.title,
        question: r.question,
        type: r.event_type,
        actor,
        detail,
        extra: { dueAt: str(r.data['dueAt']), sessionDate: str(r.data['sessionDate']) },
        category: r.category,
        needsAction: r.needs_action,
      };
      out.set(r.delivery_id, [...(out.get(r.delivery_id) ?? []), item]);
    }
    return out;
  }
}
