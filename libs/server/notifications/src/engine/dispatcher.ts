import { readsOn } from '@eclore/server-platform';
import type { EntityManager } from 'typeorm';
import { notificationRecipients, type NotifiableEvent } from '@eclore/domain';
import { engagementReads } from '@eclore/server-ideas';
import { NotifyingStep, type DispatchResult } from './engine-step';

export type { DispatchResult, EngineOptions } from './engine-step';

/**
 * Turns one idea event into in-app notifications and the immediate e-mails to send, in ONE
 * transaction: the notification rows (unique per event and recipient), the delivery records
 * (unique per key) and their outbox messages commit together, so a re-run job adds nothing and a
 * crashed one leaves nothing behind.
 */
export class NotificationDispatcher extends NotifyingStep {
  dispatch(ideaEventId: string): Promise<DispatchResult> {
    return this.ds.transaction((m) => this.dispatchIn(m, ideaEventId));
  }

  private async dispatchIn(m: EntityManager, ideaEventId: string): Promise<DispatchResult> {
    const event = await engagementReads.event(m, ideaEventId);
    if (!event) return { notified: 0, emails: 0 }; // its idea was deleted meanwhile
    const [authors, followerIds] = await readsOn(m, [
      () => engagementReads.authors(m, event.idea_id),
      () => engagementReads.followerIds(m, event.idea_id),
    ]);
    const commentId = event.data['commentId'];
    const commentAuthorId = typeof commentId === 'string' ? await engagementReads.commentAuthorId(m, commentId) : null;
    // An anonymous author's comment is recorded without an actor; its writer is still who acted and
    // must not be told of their own comment (used for this only, never shown).
    const actorId =
      event.actor_id ?? (event.type === 'commented' || event.type === 'mentioned' ? commentAuthorId : null);
    const notifiable: NotifiableEvent = {
      type: event.type,
      actorId,
      data: event.data,
      authors,
      followerIds,
      commentAuthorId,
    };
    const recipients = notificationRecipients(notifiable);
    if (recipients.length === 0) return { notified: 0, emails: 0 };
    return this.withEmails(m, await this.notifications.insertForEvent(event, recipients, m));
  }
}
