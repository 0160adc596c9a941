import type { EntityManager } from 'typeorm';
import { NotifyingStep, type DispatchResult } from './engine-step';

const STAGE_EVENT = { requested: 'role_grant_requested', granted: 'role_granted' } as const;

/**
 * Tells every active admin of a guardian grant: asked for (it needs one of them to approve it) and
 * taken effect. Separation of duties only works if the other admins know. One transaction, unique
 * per (request, stage, admin), like the idea-event dispatcher: a re-run job tells nobody twice.
 */
export class RoleRequestNotifier extends NotifyingStep {
  dispatch(requestId: string, stage: 'requested' | 'granted'): Promise<DispatchResult> {
    return this.ds.transaction((m) => this.dispatchIn(m, requestId, stage));
  }

  private async dispatchIn(
    m: EntityManager,
    requestId: string,
    stage: 'requested' | 'granted',
  ): Promise<DispatchResult> {
    return this.withEmails(
      m,
      await this.notifications.insertForRoleRequest(requestId, STAGE_EVENT[stage], stage === 'requested', m),
    );
  }
}
