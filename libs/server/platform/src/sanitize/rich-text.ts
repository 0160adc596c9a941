import sanitizeHtml from 'sanitize-html';

/** Tags a rich-text body (idea, comment, answer…) may keep; everything else is removed. */
export const RICH_TEXT_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h3',
  'h4',
  'a',
  'code',
  'pre',
] as const;

const RICH_TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  // Only the link target survives; no style, class or event attribute anywhere.
  // `rel` is set by the transform below, never taken from the input.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  // Relative and protocol-relative URLs are refused: a body is shown in other pages and in e-mails.
  allowProtocolRelative: false,
  // Dropped with their content: what is inside is code or styling, never text the author meant to show.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'svg',
    'math',
    'title',
    'head',
  ],
  disallowedTagsMode: 'discard',
  // b/i from paste are kept as their semantic equivalents rather than lost.
  transformTags: {
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim();
      if (!href || !/^(https?:|mailto:)/i.test(href)) {
        // A link without a usable target (javascript:, data:, relative…) keeps only its text:
        // renamed to a tag outside the allow-list, it is discarded and its content kept.
        return { tagName: 'span', attribs: {} };
      }
      return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer' } };
    },
  },
};

/**
 * Sanitises author-supplied HTML to the rich-text allow-list. Call it on every write of a rich-text
 * field (never on read only): what is stored is what every reader, export and e-mail gets.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html ?? '', RICH_TEXT_OPTIONS).trim();
}

const BLOCK_END = /<\/(p|li|h3|h4|blockquote|pre)>|<br\s*\/?>/gi;

/**
 * The text of a rich-text body, for summaries, search documents, notification e-mails and length
 * checks: no tag, entities decoded, whitespace collapsed, blocks separated by a space.
 */
export function plainText(html: string): string {
  const spaced = (html ?? '').replace(BLOCK_END, (m) => `${m} `);
  const text = sanitizeHtml(spaced, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: RICH_TEXT_OPTIONS.nonTextTags,
  });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** sanitize-html re-escapes text; plain text wants the characters back. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
    return NAMED[lower] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
