import type { DataSource } from 'typeorm';
import { digestPeriodKey, type DigestFrequency } from '@eclore/domain';
import type { EngineOptions } from './engine-step';
import { EmailQueue, type NewEmail } from './email-queue';

/**
 * Gathers every notification not yet e-mailed whose category the recipient takes as this digest,
 * up to `now`, into one e-mail per person (key `digest:<period>:<person>`). Never repeats (an item
 * is carried by one e-mail only), never misses (everything undelivered so far, however old), never
 * empty (no item, no e-mail). A second run in the same period adds nothing; what arrives after a
 * period's digest goes into the next one.
 */
export class DigestBuilder {
  private readonly emails: EmailQueue;

  constructor(
    private readonly ds: DataSource,
    private readonly options: EngineOptions,
  ) {
    this.emails = new EmailQueue(ds, options.publicUrl);
  }

  async run(frequency: DigestFrequency, now: Date): Promise<{ digests: number; items: number }> {
    if (!this.options.emailEnabled) return { digests: 0, items: 0 };
    const period = digestPeriodKey(frequency, now);
    return this.ds.transaction(async (m) => {
      const rows = await this.emails.digestable(m, frequency, now);
      const byPerson = new Map<string, string[]>();
      for (const r of rows) byPerson.set(r.recipient_id, [...(byPerson.get(r.recipient_id) ?? []), r.id]);
      const emails: NewEmail[] = [...byPerson].map(([recipientId, notificationIds]) => ({
        key: `digest:${period}:${recipientId}`,
        recipientId,
        notificationIds,
      }));
      const digests = await this.emails.enqueue(m, emails, 'digest');
      return { digests, items: rows.length };
    });
  }
}
