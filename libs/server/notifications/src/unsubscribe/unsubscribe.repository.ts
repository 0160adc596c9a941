import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@eclore/domain';

/**
 * The installation's secret the unsubscribe tokens are sealed with (one row, made on first use;
 * nothing to configure). Also read by the sender, which seals the links of each e-mail.
 */
export async function signingKey(manager: EntityManager): Promise<Buffer> {
  await manager.query('INSERT INTO notification_signing_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = (await manager.query('SELECT secret FROM notification_signing_key WHERE id = 1')) as {
    secret: string;
  }[];
  return Buffer.from(row!.secret, 'base64url');
}

/** The reads of the unsubscribe links (the preferences themselves are written by PreferencesService). */
@Injectable()
export class UnsubscribeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  secret(m?: EntityManager): Promise<Buffer> {
    return signingKey(m ?? this.ds.manager);
  }

  /** The person's language (null: the organisation's); undefined when there is no such active person. */
  async localeOf(personId: string, m?: EntityManager): Promise<Locale | null | undefined> {
    const [row] = (await (m ?? this.ds.manager).query('SELECT locale FROM person WHERE id = $1 AND active', [
      personId,
    ])) as { locale: Locale | null }[];
    return row ? row.locale : undefined;
  }
}
