import { frenchTypographyHtml, type Locale, type NotificationCategory } from '@eclore/domain';
import { CATEGORY_NAMES, UNSUBSCRIBE_PAGE } from '../mail/messages';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function names(locale: Locale, categories: readonly NotificationCategory[]): string {
  const list = categories.map((c) => CATEGORY_NAMES[locale][c]);
  return list.length <= 1
    ? (list[0] ?? '')
    : `${list.slice(0, -1).join(', ')}${UNSUBSCRIBE_PAGE[locale].and}${list.at(-1)}`;
}

/** The page, in French typography when French (U+202F before « ? », as in the e-mails). */
function page(locale: Locale, title: string, body: string): string {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933">
<main><h1>${esc(title)}</h1>${body}
<p><a href="/profile">${esc(UNSUBSCRIBE_PAGE[locale].back)}</a></p></main></body></html>`;
  return locale === 'fr' ? frenchTypographyHtml(html) : html;
}

/**
 * The page a link opens (GET): it asks, it does not act, so a mail scanner or a prefetch that
 * follows links unsubscribes no one. The button POSTs what a one-click mail client POSTs.
 */
export function confirmationPage(locale: Locale, categories: readonly NotificationCategory[], token: string): string {
  const t = UNSUBSCRIBE_PAGE[locale];
  return page(
    locale,
    t.confirmTitle,
    `<p>${esc(t.confirm(names(locale, categories)))}</p>
<form method="post" action="/api/notifications/unsubscribe?token=${esc(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(t.confirmButton)}</button>
</form>`,
  );
}

/** The answer once the categories are off (POST). */
export function unsubscribedPage(locale: Locale, categories: readonly NotificationCategory[]): string {
  const t = UNSUBSCRIBE_PAGE[locale];
  return page(locale, t.title, `<p>${esc(t.done(names(locale, categories)))}</p>`);
}
