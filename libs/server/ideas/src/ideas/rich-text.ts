import sanitizeHtml from 'sanitize-html';

/*
 * Temporary: until `sanitizeRichText` is exported from @eclore/server-platform, bodies keep their
 * text only (every tag dropped, text escaped) — raw HTML is never stored. Switch both functions to
 * the platform's sanitizeRichText / plainText when they land; callers do not change.
 */

/** What is stored for an author-supplied rich-text body. */
export function storedBodyHtml(html: string): string {
  return sanitizeHtml(html ?? '', { allowedTags: [], allowedAttributes: {} }).trim();
}

/** The body's text, for the submission rules' length checks. */
export function bodyText(html: string): string {
  return sanitizeHtml(html ?? '', { allowedTags: [], allowedAttributes: {} })
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
