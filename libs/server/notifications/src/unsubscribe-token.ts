import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isNotificationCategory, type NotificationCategory } from '@eclore/domain';

/**
 * Signed one-click unsubscribe tokens: `<personId>.<category>.<HMAC-SHA256>` in base64url. The key
 * is the installation's own (one row, made on first use), so nothing needs configuring and a
 * token cannot be forged for someone else.
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

const mac = (key: Buffer, payload: string): Buffer => createHmac('sha256', key).update(payload).digest();

export function signUnsubscribe(key: Buffer, personId: string, category: NotificationCategory): string {
  const payload = `${personId}.${category}`;
  return Buffer.from(`${payload}.${mac(key, payload).toString('base64url')}`).toString('base64url');
}

/** The person and category of a valid token; null for anything forged, truncated or malformed. */
export function verifyUnsubscribe(
  key: Buffer,
  token: string,
): { personId: string; category: NotificationCategory } | null {
  let decoded: string;
  try {
    decoded = Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const [personId, category, signature, ...rest] = decoded.split('.');
  if (!personId || !category || !signature || rest.length > 0) return null;
  if (!/^[0-9a-f-]{36}$/i.test(personId) || !isNotificationCategory(category)) return null;
  const expected = mac(key, `${personId}.${category}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { personId, category };
}
