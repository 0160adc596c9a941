/**
 * French typography for the texts we send (e-mails, the unsubscribe page, the committee minutes):
 * a narrow no-break space (U+202F) before « : ; ! ? » and inside « guillemets », so a sign never
 * starts a line and the space has the width French readers expect. Applied once to a whole French
 * text (docs/notifications.md), not written into each message: messages keep ordinary spaces, and
 * what people wrote (titles, reasons) is typeset the same way when it appears in a French e-mail.
 */

/** U+202F, the space French typography puts before « : ; ! ? » and inside « guillemets ». */
export const NARROW_NO_BREAK_SPACE = '\u202F';
/** U+00A0, for output that cannot show U+202F (the PDF standard fonts). */
export const NO_BREAK_SPACE = '\u00A0';

export interface TypographyOptions {
  /** The space to put (U+202F unless the output lacks it). */
  space?: string;
}

/** Stands for a piece left as it is while the rules run; restored in order afterwards. */
const HOLE = '\uE000';
/** Links, e-mail addresses, and the hole character itself should a text contain it. */
const LINKS = String.raw`\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"]+|\bmailto:[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\uE000`;
/** Markup: script and style elements whole, comments, tags (with their attributes), entities. */
const MARKUP = String.raw`<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>|&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);`;
const TEXT_KEPT = new RegExp(LINKS, 'gi');
const HTML_KEPT = new RegExp(`${MARKUP}|${LINKS}`, 'gi');
/**
 * A sign that ends a word: `:` and `;` before a space or the end (not `a:b`, `18:30`, `;-)`), `!`
 * and `?` also before another sign or a closing bracket (`?!`, `(vraiment ?)`), and `»`. In HTML a
 * sign also ends a word before a tag (`Motif:</strong>`).
 */
const sign = (end: string) => String.raw`[;:](?:$|[\s${end}])|[!?](?:$|[\s!?;:)\]»${end}])|»`;
/** A space already there (ordinary, no-break, thin) before such a sign becomes the right one. */
const present = (end: string) => new RegExp(String.raw`(?<=\S)[ \u00A0\u2009\u202F]+(?=${sign(end)})`, 'g');
/** A missing one is added, except after another sign or an opening bracket. */
const missing = (end: string) => new RegExp(String.raw`(?<=[^\s;:!?«([])(?=${sign(end)})`, 'g');
const TEXT_RULES = [present(''), missing('')] as const;
const HTML_RULES = [present(HOLE), missing(HOLE)] as const;

/**
 * French typography on plain text. A space already before « : ; ! ? » becomes a narrow no-break
 * one; a missing one is added where the sign ends a word (`Motif: x` → `Motif : x`), so `a:b`,
 * `18:30`, `?!` and `;-)` stay as they are; « guillemets » get the space inside. Links and e-mail
 * addresses are left untouched. Running it twice changes nothing more.
 */
export function frenchTypography(text: string, options: TypographyOptions = {}): string {
  return typeset(text, options.space ?? NARROW_NO_BREAK_SPACE, TEXT_KEPT, TEXT_RULES);
}

/** The same on HTML: only the text is typeset, never tags, attributes, entities, scripts or styles. */
export function frenchTypographyHtml(html: string, options: TypographyOptions = {}): string {
  return typeset(html, options.space ?? NARROW_NO_BREAK_SPACE, HTML_KEPT, HTML_RULES);
}

function typeset(input: string, space: string, kept: RegExp, rules: readonly [RegExp, RegExp]): string {
  const pieces: string[] = [];
  // Kept pieces become one non-space character each: the rules see a word there, never inside it.
  const text = input
    .replace(kept, (piece) => {
      pieces.push(piece);
      return HOLE;
    })
    .replace(rules[0], space)
    .replace(rules[1], space)
    // Inside « guillemets ».
    .replace(/«[ \u00A0\u2009\u202F]*(?=[^\s»])/g, `«${space}`);
  let next = 0;
  return text.replace(/\uE000/g, () => pieces[next++] ?? '');
}
