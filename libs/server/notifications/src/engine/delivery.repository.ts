import type { EntityManager } from 'typeorm';
import type { Locale } from '@eclore/domain';
import { signingKey } from '../unsubscribe/unsubscribe.repository';
import { GROUP_TITLE_SQL, ROLE_REQUEST_ACTOR_SQL } from './actor.sql';

/** A recorded e-mail, as the sender reads it under its lock. */
export interface DeliveryRow {
  id: string;
  key: string;
  kind: 'immediate' | 'digest';
  status: string;
  interrupted: number;
  message_id: string;
  recipient_id: string;
}

/** Whom an e-mail goes to. */
export interface MailRecipientRow {
  id: string;
  email: string;
  locale: Locale | null;
}

/** One notification an e-mail carries, with what the anonymity rule needs to name its actor. */
export interface MailItemRow {
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
}

const MAIL_ITEMS_SQL = `SELECT di.delivery_id, n.idea_id, n.event_type, n.category, n.needs_action,
          ${GROUP_TITLE_SQL} AS title,
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
    ORDER BY n.needs_action DESC, n.id`;

/**
 * The sending side of notification e-mails. Every method runs on the sender's own connection (the
 * manager of its query runner): the advisory locks are session locks, and each state change commits
 * on its own so a crash is seen by the next attempt.
 */
export class DeliveryRepository {
  /** Of these deliveries, those whose lock this session took (the others are being sent elsewhere). */
  async tryLock(ids: readonly string[], m: EntityManager): Promise<string[]> {
    const rows = (await m.query(
      `SELECT d::text AS id FROM unnest($1::uuid[]) AS d
        WHERE pg_try_advisory_lock(hashtext('notification_delivery'), hashtext(d::text))`,
      [ids],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async unlock(ids: readonly string[], m: EntityManager): Promise<void> {
    await m.query(
      `SELECT pg_advisory_unlock(hashtext('notification_delivery'), hashtext(d::text)) FROM unnest($1::uuid[]) AS d`,
      [ids],
    );
  }

  read(ids: readonly string[], m: EntityManager): Promise<DeliveryRow[]> {
    return m.query(
      'SELECT id, key, kind, status, interrupted, message_id, recipient_id FROM notification_delivery WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  async fail(ids: readonly string[], reason: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE notification_delivery SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = ANY($1::uuid[])`,
      [ids, reason],
    );
  }

  /** Interrupted once too often: failed, for an admin to replay. */
  async failInterrupted(ids: readonly string[], m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE notification_delivery SET status = 'failed', interrupted = interrupted + 1, failed_at = now(),
         last_error = 'interrupted twice while sending: it may have been received; replay to send again'
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async countInterruption(ids: readonly string[], m: EntityManager): Promise<void> {
    await m.query('UPDATE notification_delivery SET interrupted = interrupted + 1 WHERE id = ANY($1::uuid[])', [ids]);
  }

  async markSending(ids: readonly string[], m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE notification_delivery SET status = 'sending', attempts = attempts + 1, sending_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** One statement: the deliveries become sent and their announcements' counters move together. */
  async markSent(ids: readonly string[], m: EntityManager): Promise<void> {
    await m.query(
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
      [ids],
    );
  }

  async backToPending(id: string, error: string, m: EntityManager): Promise<void> {
    await m.query(`UPDATE notification_delivery SET status = 'pending', last_error = $2 WHERE id = $1`, [id, error]);
  }

  recipients(personIds: readonly string[], m: EntityManager): Promise<MailRecipientRow[]> {
    return m.query('SELECT id, email, locale FROM person WHERE id = ANY($1::uuid[])', [personIds]);
  }

  /** The notifications each delivery carries, needing action first, then in order. */
  items(deliveryIds: readonly string[], m: EntityManager): Promise<MailItemRow[]> {
    return m.query(MAIL_ITEMS_SQL, [deliveryIds]);
  }

  /** The unsubscribe links' secret. */
  secret(m: EntityManager): Promise<Buffer> {
    return signingKey(m);
  }
}
