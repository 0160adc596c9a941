import { isIP } from 'node:net';
import type { FieldProblem } from '@eclore/domain';
import {
  STRICT_WEBHOOK_POLICY,
  forbiddenAddressReason,
  isExplicitlyAllowed,
  isLocalhostName,
  urlHost,
  type WebhookAddressPolicy,
} from './webhook-address';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * A subscription URL must be https (the body names ideas and people) to a receiver outside this
 * machine and the internal network; plain http and internal addresses only to a host the operator
 * allowed (WEBHOOK_ALLOWED_HOSTS). No credentials in the URL (they would show in the admin list).
 * A literal address is judged here; a name is judged again after DNS resolution at each send.
 */
export function checkWebhookUrl(
  value: string,
  policy: WebhookAddressPolicy = STRICT_WEBHOOK_POLICY,
  field = 'url',
): FieldProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { field, code: 'invalid_url', message: 'Not a valid absolute URL.' };
  }
  if (value.length > WEBHOOK_URL_MAX_LENGTH)
    return { field, code: 'too_long', message: `At most ${WEBHOOK_URL_MAX_LENGTH} characters.` };
  if (url.username || url.password)
    return {
      field,
      code: 'credentials_in_url',
      message: 'Put no user name or password in the URL; the signature authenticates us.',
    };
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { field, code: 'https_required', message: 'The URL must use https.' };
  const host = urlHost(url);
  const allowed = isExplicitlyAllowed(host, policy);
  if (!allowed && (isLocalhostName(host) || (isIP(host) && forbiddenAddressReason(host, policy) !== null)))
    return {
      field,
      code: 'forbidden_address',
      message:
        'Webhooks may not reach this machine or an internal address unless the operator allows it (WEBHOOK_ALLOWED_HOSTS).',
    };
  if (url.protocol === 'http:' && !allowed)
    return {
      field,
      code: 'https_required',
      message: 'The URL must use https (http only to a host in WEBHOOK_ALLOWED_HOSTS).',
    };
  return null;
}
