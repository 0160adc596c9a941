import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

/**
 * @mentions in comments. The web's mention picker inserts a token `@[Display name](person-id)`;
 * the server resolves the id to an active person and renders the token with that person's real
 * name (the display name typed by the client is never trusted). Unknown or inactive ids stay as
 * plain text and mention nobody.
 */
const MENTION = /@\[([^\]\n]{1,200})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** At most this many people may be mentioned in one comment (a mention notifies). */
export const MAX_MENTIONS = 20;

/**
 * Where the text of sanitised HTML lies in the source, as [start, end) ranges: the only places a
 * mention token counts. A token inside an attribute value (a link's href or title) is a URL or a
 * title, never a mention; replacing it there would close the attribute and inject markup. Found
 * with htmlparser2, the parser sanitize-html uses, so both read the HTML the same way.
 */
function textRanges(html: string): [number, number][] {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const ranges: [number, number][] = [];
  for (const node of DomUtils.filter((n) => n.type === ElementType.Text, doc.children, true)) {
    if (node.startIndex !== null && node.endIndex !== null) ranges.push([node.startIndex, node.endIndex + 1]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The distinct person ids named by mention tokens in the text (not the attributes), in order of first appearance. */
export function mentionIds(html: string): string[] {
  const ids: string[] = [];
  for (const [start, end] of textRanges(html)) {
    for (const match of html.slice(start, end).matchAll(MENTION)) {
      const id = match[2]!.toLowerCase();
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Replaces the tokens in the text of already-sanitised HTML (the source text is escaped, so the typed
 * text is too): resolved people become a mention element with their name from the directory; others
 * become the typed text. Attribute values are left exactly as the sanitiser wrote them.
 */
export function renderMentions(sanitisedHtml: string, people: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of textRanges(sanitisedHtml)) {
    out += sanitisedHtml.slice(at, start);
    out += sanitisedHtml.slice(start, end).replace(MENTION, (_token, typed: string, rawId: string) => {
      const id = rawId.toLowerCase();
      const name = people.get(id);
      if (name === undefined) return `@${typed}`;
      return `<span class="ec-mention" data-person-id="${id}">@${escapeHtml(name)}</span>`;
    });
    at = end;
  }
  return out + sanitisedHtml.slice(at);
}
