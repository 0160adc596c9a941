import type { DataSource, EntityManager } from 'typeorm';
import { EmailQueue, type EnqueueOptions } from './email-queue';
import { NotificationRepository, type InsertedNotificationRow } from './notification.repository';

export interface DispatchResult {
  notified: number;
  emails: number;
}

/** What every engine step needs to know of the installation. */
export interface EngineOptions {
  emailEnabled: boolean;
  publicUrl: string;
}

/** A step writing notifications, then recording the immediate e-mails of those just written. */
export abstract class NotifyingStep<O extends EngineOptions = EngineOptions> {
  protected readonly notifications: NotificationRepository;
  protected readonly emails: EmailQueue;

  constructor(
    protected readonly ds: DataSource,
    protected readonly options: O,
  ) {
    this.notifications = new NotificationRepository();
    this.emails = new EmailQueue(ds, options.publicUrl);
  }

  /** The notifications just written and the e-mails recorded for them (none while e-mail is off). */
  protected async withEmails(
    m: EntityManager,
    inserted: readonly InsertedNotificationRow[],
    options?: EnqueueOptions,
  ): Promise<DispatchResult> {
    if (inserted.length === 0 || !this.options.emailEnabled) return { notified: inserted.length, emails: 0 };
    return { notified: inserted.length, emails: await this.emails.immediately(m, inserted, options) };
  }
}
