import type { FieldProblem } from '@eclore/domain';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * A subscription URL must be https (the body names ideas and people); plain http only to this
 * machine, for development and tests. No credentials in the URL (they would show in the admin list).
 */
export function checkWebhookUrl(value: string, field = 'url'): FieldProblem | null {
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
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return { field, code: 'https_required', message: 'The URL must use https (http only to localhost).' };
}
