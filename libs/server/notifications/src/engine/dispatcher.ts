import type { DataSource, EntityManager } from 'typeorm';
import { notificationRecipients, type NotifiableEvent } from '@eclore/domain';
import { EmailQueue } from './email-queue';
import { NotificationRepository } from './notification.repository';

export interface DispatchResult {
  notified: number;
  emails: number;
}

/** What every engine step needs to know of the installation. */
export interface EngineOptions {
  emailEnabled: boolean;
  publicUrl: string;
}

/**
 * Turns one idea event into in-app notifications and the immediate e-mails to send, in ONE
 * transaction: the notification rows (unique per event and recipient), the delivery records
 * (unique per key) and their outbox messages commit together, so a re-run job adds nothing and a
 * crashed one leaves nothing behind.
 */
export class NotificationDispatcher {
  private readonly repo: NotificationRepository;
  private readonly emails: EmailQueue;

  constructor(
    private readonly ds: DataSource,
    private readonly options: EngineOptions,
  ) {
    this.repo = new NotificationRepository(ds);
    this.emails = new EmailQueue(ds, options.publicUrl);
  }

  dispatch(ideaEventId: string): Promise<DispatchResult> {
    return this.ds.transaction((m) => this.dispatchIn(m, ideaEventId));
  }

  private async dispatchIn(m: EntityManager, ideaEventId: string): Promise<DispatchResult> {
    const event = await this.repo.event(ideaEventId, m);
    if (!event) return { notified: 0, emails: 0 }; // its idea was deleted meanwhile
    const [authors, followerIds] = await Promise.all([
      this.repo.authors(event.idea_id, m),
      this.repo.followerIds(event.idea_id, m),
    ]);
    const commentId = event.data['commentId'];
    const commentAuthorId = typeof commentId === 'string' ? await this.repo.commentAuthorId(commentId, m) : null;
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
    const inserted = await this.repo.insertForEvent(event, recipients, m);
    if (inserted.length === 0 || !this.options.emailEnabled) return { notified: inserted.length, emails: 0 };
    return { notified: inserted.length, emails: await this.emails.immediately(m, inserted) };
  }
}
