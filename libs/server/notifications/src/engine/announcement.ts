import type { DataSource, EntityManager } from 'typeorm';
import { AnnouncementsRepository } from '../announcements/announcements.repository';
import { NotifyingStep, type EngineOptions } from './engine-step';

export { CAMPAIGN_ANNOUNCED } from '../announcements/announcements.repository';

export interface FanOutOptions extends EngineOptions {
  /** People per transaction. */
  batchSize?: number;
  /** E-mails per `notifications.deliver_batch` job. */
  emailsPerJob?: number;
}

export interface FanOutResult {
  notified: number;
  emails: number;
  batches: number;
}

/**
 * Writes an announcement's in-app notifications and immediate e-mails, set-based, in batches of
 * people taken in id order. Each batch is one transaction: the notification rows (unique per
 * announcement and person), the e-mail deliveries (unique key `email:<notification>`, the same
 * protocol as every e-mail), their outbox messages (one per `emailsPerJob` e-mails) and the
 * announcement's cursor and counters commit together. A crash loses at most the batch in flight,
 * and the next run resumes after the cursor; a re-run of a finished one does nothing.
 * People who take the `campaigns` category as a digest are left to it; "off" means in-app only.
 */
export class AnnouncementFanOut extends NotifyingStep<FanOutOptions> {
  private readonly batchSize: number;
  private readonly emailsPerJob: number;
  private readonly announcements: AnnouncementsRepository;

  constructor(ds: DataSource, options: FanOutOptions) {
    super(ds, options);
    this.batchSize = options.batchSize ?? 5000;
    this.emailsPerJob = options.emailsPerJob ?? 200;
    this.announcements = new AnnouncementsRepository(ds);
  }

  /** When the announcement goes out ("when submissions open" may be later); undefined when it is gone. */
  announcedAt(announcementId: string): Promise<Date | undefined> {
    return this.announcements.announcedAt(announcementId);
  }

  async run(announcementId: string): Promise<FanOutResult> {
    const total: FanOutResult = { notified: 0, emails: 0, batches: 0 };
    for (;;) {
      const step = await this.ds.transaction((m) => this.batch(m, announcementId));
      if (!step) return total;
      total.notified += step.notified;
      total.emails += step.emails;
      total.batches += 1;
      // A fan-out can grow these tables many times over within seconds, before autovacuum's next
      // look: with statistics from when they were small, the planner reads the senders' key look-ups
      // as whole-table hash joins. One sample after a full first batch keeps their plans on the
      // indexes (a small announcement changes too little to matter).
      if (total.batches === 1 && step.notified >= this.batchSize)
        await this.announcements.analyzeNotificationTables();
    }
  }

  /** One batch; null once the announcement is complete (or gone). */
  private async batch(m: EntityManager, announcementId: string): Promise<{ notified: number; emails: number } | null> {
    const a = await this.announcements.lockForFanOut(announcementId, m);
    if (!a || a.completed_at) return null;
    const people = await this.announcements.audienceAfter(a.campaign_id, a.cursor, this.batchSize, m);
    if (people.length === 0) {
      await this.announcements.complete(a.id, m);
      return null;
    }
    const inserted = await this.notifications.insertForAnnouncement(a.id, a.announced_at, people, m);
    const step = await this.withEmails(m, inserted, { batchSize: this.emailsPerJob });
    await this.announcements.advance(
      a.id,
      { cursor: people[people.length - 1]!, ...step, done: people.length < this.batchSize },
      m,
    );
    return step;
  }
}
