/**
 * @mentions in comments. The web's mention picker inserts a token `@[Display name](person-id)`;
 * the server resolves the id to an active person and renders the token with that person's real
 * name (the display name typed by the client is never trusted). Unknown or inactive ids stay as
 * plain text and mention nobody.
 */
const MENTION = /@\[([^\]\n]{1,200})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** At most this many people may be mentioned in one comment (a mention notifies). */
export const MAX_MENTIONS = 20;

/** The distinct person ids named by mention tokens, in order of first appearance. */
export function mentionIds(html: string): string[] {
  const ids: string[] = [];
  for (const match of html.matchAll(MENTION)) {
    const id = match[2]!.toLowerCase();
    if (!ids.includes(id)) ids.push(id);
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
 * Replaces the tokens of already-sanitised HTML: resolved people become a mention element with their
 * name from the directory; others become the (already escaped) typed text.
 */
export function renderMentions(sanitisedHtml: string, people: ReadonlyMap<string, string>): string {
  return sanitisedHtml.replace(MENTION, (_token, typed: string, rawId: string) => {
    const id = rawId.toLowerCase();
    const name = people.get(id);
    if (name === undefined) return `@${typed}`;
    return `<span class="ec-mention" data-person-id="${id}">@${escapeHtml(name)}</span>`;
  });
}
