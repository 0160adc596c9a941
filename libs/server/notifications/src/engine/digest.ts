import type { DataSource } from 'typeorm';
import { digestPeriodKey, type DigestFrequency } from '@eclore/domain';
import { enqueueEmails, type NewEmail } from './dispatcher';
import { EMAIL_FREQUENCY_SQL } from './preferences.sql';

/**
 * Gathers every notification not yet e-mailed whose category the recipient takes as this digest,
 * up to `now`, into one e-mail per person (key `digest:<period>:<person>`). Never repeats (an item
 * is carried by one e-mail only), never misses (everything undelivered so far, however old), never
 * empty (no item, no e-mail). A second run in the same period adds nothing; what arrives after a
 * period's digest goes into the next one.
 */
export class DigestBuilder {
  constructor(
    private readonly ds: DataSource,
    private readonly options: { emailEnabled: boolean; publicUrl: string },
  ) {}

  async run(frequency: DigestFrequency, now: Date): Promise<{ digests: number; items: number }> {
    if (!this.options.emailEnabled) return { digests: 0, items: 0 };
    const period = digestPeriodKey(frequency, now);
    return this.ds.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT n.id::text AS id, n.recipient_id FROM notification n
          WHERE n.created_at <= $1
            AND NOT EXISTS (SELECT 1 FROM notification_delivery_item di WHERE di.notification_id = n.id AND di.channel = 'email')
            AND ${EMAIL_FREQUENCY_SQL} = $2
          ORDER BY n.recipient_id, n.id`,
        [now, frequency],
      )) as { id: string; recipient_id: string }[];
      const byPerson = new Map<string, string[]>();
      for (const r of rows) byPerson.set(r.recipient_id, [...(byPerson.get(r.recipient_id) ?? []), r.id]);
      const emails: NewEmail[] = [...byPerson].map(([recipientId, notificationIds]) => ({
        key: `digest:${period}:${recipientId}`,
        recipientId,
        notificationIds,
      }));
      const digests = await enqueueEmails(m, emails, 'digest', this.options.publicUrl);
      return { digests, items: rows.length };
    });
  }
}
