import type { EntityManager } from 'typeorm';
import type { Locale } from '@eclore/domain';
import { signingKey } from '../unsubscribe-token';

/** The reads of the unsubscribe links (the preferences themselves are written by NotificationsService). */
export class UnsubscribeRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The installation's secret the tokens are sealed with. */
  secret(): Promise<Buffer> {
    return signingKey(this.manager);
  }

  /** The person's language (null: the organisation's); undefined when there is no such active person. */
  async localeOf(personId: string): Promise<Locale | null | undefined> {
    const [row] = (await this.manager.query('SELECT locale FROM person WHERE id = $1 AND active', [personId])) as {
      locale: Locale | null;
    }[];
    return row ? row.locale : undefined;
  }
}
