import type { DataSource, EntityManager } from 'typeorm';
import type { DispatchResult, EngineOptions } from './dispatcher';
import { EmailQueue } from './email-queue';
import { NotificationRepository } from './notification.repository';

const STAGE_EVENT = { requested: 'role_grant_requested', granted: 'role_granted' } as const;

/**
 * Tells every active admin of a guardian grant: asked for (it needs one of them to approve it) and
 * taken effect. Separation of duties only works if the other admins know. One transaction, unique
 * per (request, stage, admin), like the idea-event dispatcher: a re-run job tells nobody twice.
 */
export class RoleRequestNotifier {
  private readonly repo: NotificationRepository;
  private readonly emails: EmailQueue;

  constructor(
    private readonly ds: DataSource,
    private readonly options: EngineOptions,
  ) {
    this.repo = new NotificationRepository(ds);
    this.emails = new EmailQueue(ds, options.publicUrl);
  }

  dispatch(requestId: string, stage: 'requested' | 'granted'): Promise<DispatchResult> {
    return this.ds.transaction((m) => this.dispatchIn(m, requestId, stage));
  }

  private async dispatchIn(
    m: EntityManager,
    requestId: string,
    stage: 'requested' | 'granted',
  ): Promise<DispatchResult> {
    const inserted = await this.repo.insertForRoleRequest(requestId, STAGE_EVENT[stage], stage === 'requested', m);
    if (inserted.length === 0 || !this.options.emailEnabled) return { notified: inserted.length, emails: 0 };
    return { notified: inserted.length, emails: await this.emails.immediately(m, inserted) };
  }
}
