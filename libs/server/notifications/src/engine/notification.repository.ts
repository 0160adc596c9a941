import type { EntityManager } from 'typeorm';
import type { NotificationRecipient } from '@eclore/domain';
import type { IdeaEventRow } from '@eclore/server-ideas';
import { CAMPAIGN_ANNOUNCED } from '../announcements/announcements.repository';

/** The idea event a dispatch starts from (read through the ideas context's `engagementReads`). */
export type DispatchedEventRow = IdeaEventRow;

/** A notification just written, and whom it is for. */
export interface InsertedNotificationRow {
  id: string;
  recipient_id: string;
}

/**
 * The writes of in-app notifications (idea events, announcements, role requests). Every method runs
 * in the caller's transaction.
 */
export class NotificationRepository {
  /**
   * The event's notifications, unique per event and recipient; inactive people are not told. The
   * notification's time is the event's, so digests and the centre order by when things happened.
   */
  insertForEvent(
    event: DispatchedEventRow,
    recipients: readonly NotificationRecipient[],
    m: EntityManager,
  ): Promise<InsertedNotificationRow[]> {
    return m.query(
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
    );
  }

  /** An announcement's notifications for these people, unique per announcement and person. */
  insertForAnnouncement(
    announcementId: string,
    announcedAt: Date,
    people: readonly string[],
    m: EntityManager,
  ): Promise<InsertedNotificationRow[]> {
    return m.query(
      `INSERT INTO notification (recipient_id, idea_id, event_id, announcement_id, event_type, category, needs_action, created_at)
       SELECT p, NULL, NULL, $1, $2, 'campaigns', false, $3 FROM unnest($4::uuid[]) AS p
       ON CONFLICT DO NOTHING
       RETURNING id::text AS id, recipient_id`,
      [announcementId, CAMPAIGN_ANNOUNCED, announcedAt, people],
    );
  }

  /** A role request's notification for every active admin, unique per (request, event type, admin). */
  insertForRoleRequest(
    requestId: string,
    eventType: string,
    needsAction: boolean,
    m: EntityManager,
  ): Promise<InsertedNotificationRow[]> {
    return m.query(
      `INSERT INTO notification (recipient_id, idea_id, role_request_id, event_type, category, needs_action, created_at)
       SELECT p.id, NULL, r.id, $2, 'needs_action', $3, COALESCE(r.decided_at, r.requested_at)
         FROM role_grant_request r
         JOIN person p ON p.active
          AND EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = 'admin' AND g.revoked_at IS NULL)
        WHERE r.id = $1 AND ($2 = 'role_grant_requested' OR r.status = 'approved')
       ON CONFLICT (role_request_id, event_type, recipient_id) WHERE role_request_id IS NOT NULL DO NOTHING
       RETURNING id::text AS id, recipient_id`,
      [requestId, eventType, needsAction],
    );
  }
}
