import { plainText, sanitizeRichText } from '@eclore/server-platform';

/** What is stored for an author-supplied rich-text body: the platform's allow-listed HTML. */
export function storedBodyHtml(html: string): string {
  return sanitizeRichText(html ?? '');
}

/** The body's text, for the submission rules' length checks. */
export function bodyText(html: string): string {
  return plainText(html ?? '');
}
