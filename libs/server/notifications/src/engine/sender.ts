import type { DataSource, EntityManager } from 'typeorm';
import { isPermanentSmtpError, type Mailer } from '../mail/mailer';
import { DeliveryMailComposer, type ComposedMail } from './delivery-mail';
import { DeliveryRepository, type DeliveryRow } from './delivery.repository';

export { ROLE_REQUEST_ACTOR_SQL } from './actor.sql';

export type SendOutcome = 'sent' | 'already_sent' | 'failed' | 'busy';

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

const outcomes = (ids: readonly string[], outcome: BatchOutcome['outcome']): BatchOutcome[] =>
  ids.map((id) => ({ id, outcome }));

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
  private readonly repo = new DeliveryRepository();
  private readonly composer: DeliveryMailComposer;

  constructor(
    private readonly ds: DataSource,
    private readonly mailer: Mailer | null,
    options: { publicUrl: string },
  ) {
    this.composer = new DeliveryMailComposer(this.repo, options.publicUrl);
  }

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
      const m = qr.manager;
      const locked = await this.repo.tryLock(deliveryIds, m);
      const busy = outcomes(
        deliveryIds.filter((id) => !locked.includes(id)),
        'busy',
      );
      try {
        return [...busy, ...(locked.length ? await this.deliverLocked(m, locked, context) : [])];
      } finally {
        if (locked.length) await this.repo.unlock(locked, m);
      }
    } finally {
      await qr.release();
    }
  }

  /** Steps 2 to 4 for deliveries whose lock this session holds. */
  private async deliverLocked(
    m: EntityManager,
    ids: readonly string[],
    context: { lastAttempt: boolean },
  ): Promise<BatchOutcome[]> {
    const rows = await this.repo.read(ids, m);
    const out = outcomes(
      ids.filter((id) => !rows.some((r) => r.id === id)),
      'failed',
    );
    out.push(...outcomes(rows.filter((r) => r.status === 'sent').map((r) => r.id), 'already_sent'));
    out.push(...outcomes(rows.filter((r) => r.status === 'failed').map((r) => r.id), 'failed'));
    const open = rows.filter((r) => r.status !== 'sent' && r.status !== 'failed');
    if (open.length === 0) return out;
    if (!this.mailer) {
      const openIds = open.map((r) => r.id);
      await this.repo.fail(openIds, 'e-mail is off (SMTP_URL is not set)', m);
      return [...out, ...outcomes(openIds, 'failed')];
    }
    const given = await this.settleInterrupted(m, open);
    out.push(...outcomes(given, 'failed'));
    const candidates = open.filter((r) => !given.includes(r.id));
    const mails = await this.composer.compose(m, candidates);
    const empty = candidates.filter((r) => !mails.has(r.id)).map((r) => r.id);
    if (empty.length) {
      await this.repo.fail(empty, 'nothing left to send (the notifications were deleted)', m);
      out.push(...outcomes(empty, 'failed'));
    }
    const sending = candidates.filter((r) => mails.has(r.id));
    if (sending.length === 0) return out;
    return [...out, ...(await this.send(m, this.mailer, sending, mails, context))];
  }

  /**
   * Interrupted attempts: one more try with the same Message-ID, then an admin decides. Counts the
   * interruption of those tried again; returns the ids given up on (now failed).
   */
  private async settleInterrupted(m: EntityManager, open: readonly DeliveryRow[]): Promise<string[]> {
    const interrupted = open.filter((r) => r.status === 'sending');
    const twice = interrupted.filter((r) => r.interrupted + 1 > MAX_RESENDS_AFTER_INTERRUPTION).map((r) => r.id);
    if (twice.length) await this.repo.failInterrupted(twice, m);
    const resend = interrupted.filter((r) => !twice.includes(r.id)).map((r) => r.id);
    if (resend.length) await this.repo.countInterruption(resend, m);
    return twice;
  }

  /** Step 4: marks them sending (committed first), hands them to the SMTP server, records each answer. */
  private async send(
    m: EntityManager,
    mailer: Mailer,
    sending: readonly DeliveryRow[],
    mails: ReadonlyMap<string, ComposedMail>,
    context: { lastAttempt: boolean },
  ): Promise<BatchOutcome[]> {
    // Committed before the send: a crash from here on is seen as an interruption by the next attempt.
    await this.repo.markSending(
      sending.map((r) => r.id),
      m,
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
    if (sent.length) await this.repo.markSent(sent, m);
    const out = outcomes(sent, 'sent');
    for (const [i, row] of sending.entries()) {
      const r = results[i]!;
      if (r.status === 'fulfilled') continue;
      const message = r.reason instanceof Error ? r.reason.message : String(r.reason);
      if (isPermanentSmtpError(r.reason) || context.lastAttempt) {
        await this.repo.fail([row.id], message, m);
        out.push({ id: row.id, outcome: 'refused', error: message });
      } else {
        // The server answered with an error (or never answered): nothing was accepted, retry later.
        await this.repo.backToPending(row.id, message, m);
        out.push({ id: row.id, outcome: 'retry', error: message });
      }
    }
    return out;
  }
}
