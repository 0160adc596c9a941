/**
 * Opaque unsubscribe tokens: the person and the categories they stop, sealed with AES-256-GCM under
 * a key derived from the installation's own secret (`signingKey`, one row made on first use;
 * nothing to configure). Nobody can read who a link is for (a forwarded or logged link names no one), and a
 * changed byte or another key fails authentication. The token only ever switches its categories'
 * e-mails off for its person: replaying it does that again, nothing else.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { isNotificationCategory, type NotificationCategory } from '@eclore/domain';

/** Whom a token is for, and the categories it stops. */
export interface UnsubscribeSubject {
  personId: string;
  categories: NotificationCategory[];
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds a token to this one use: the same secret sealing something else could not pass for it. */
const PURPOSE = Buffer.from('eclore/unsubscribe/v2');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key of its own for this use, derived from the installation secret (which may serve other uses). */
const sealingKey = (secret: Buffer): Buffer => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), PURPOSE, 32));

export function sealUnsubscribe(secret: Buffer, personId: string, categories: readonly NotificationCategory[]): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  cipher.setAAD(PURPOSE);
  const payload = `${personId.toLowerCase()}|${[...new Set(categories)].join(',')}`;
  const sealed = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The person and categories of a valid token; null for anything forged, altered, truncated or malformed. */
export function openUnsubscribe(secret: Buffer, token: string): UnsubscribeSubject | null {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{1,512}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  let payload: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(PURPOSE);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    payload = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
  const [personId, list, ...rest] = payload.split('|');
  if (!personId || !list || rest.length > 0 || !UUID.test(personId)) return null;
  const categories = list.split(',');
  if (!categories.every(isNotificationCategory)) return null;
  return { personId, categories };
}
