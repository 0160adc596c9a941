import type { DataSource, EntityManager } from 'typeorm';
import { emailImmediately, type DispatchResult } from './dispatcher';

const STAGE_EVENT = { requested: 'role_grant_requested', granted: 'role_granted' } as const;

/**
 * Tells every active admin of a guardian grant: asked for (it needs one of them to approve it) and
 * taken effect. Separation of duties only works if the other admins know. One transaction, unique
 * per (request, stage, admin), like the idea-event dispatcher: a re-run job tells nobody twice.
 */
export class RoleRequestNotifier {
  constructor(
    private readonly ds: DataSource,
    private readonly options: { emailEnabled: boolean; publicUrl: string },
  ) {}

  dispatch(requestId: string, stage: 'requested' | 'granted'): Promise<DispatchResult> {
    return this.ds.transaction((m) => this.dispatchIn(m, requestId, stage));
  }

  private async dispatchIn(
    m: EntityManager,
    requestId: string,
    stage: 'requested' | 'granted',
  ): Promise<DispatchResult> {
    const eventType = STAGE_EVENT[stage];
    const inserted = (await m.query(
      `INSERT INTO notification (recipient_id, idea_id, role_request_id, event_type, category, needs_action, created_at)
       SELECT p.id, NULL, r.id, $2, 'needs_action', $3, COALESCE(r.decided_at, r.requested_at)
         FROM role_grant_request r
         JOIN person p ON p.active
          AND EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = 'admin' AND g.revoked_at IS NULL)
        WHERE r.id = $1 AND ($2 = 'role_grant_requested' OR r.status = 'approved')
       ON CONFLICT (role_request_id, event_type, recipient_id) WHERE role_request_id IS NOT NULL DO NOTHING
       RETURNING id::text AS id, recipient_id`,
      [requestId, eventType, stage === 'requested'],
    )) as { id: string; recipient_id: string }[];
    if (inserted.length === 0 || !this.options.emailEnabled) return { notified: inserted.length, emails: 0 };
    return { notified: inserted.length, emails: await emailImmediately(m, inserted, this.options.publicUrl) };
  }
}
