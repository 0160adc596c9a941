import { frenchTypography, frenchTypographyHtml, type Locale, type NotificationCategory } from '@eclore/domain';
import { CATEGORY_NAMES, MAIL_TEXT, describeEvent, type EventText } from './messages';

export interface MailItem extends EventText {
  /** What a digest groups by: the idea, or the campaign of an announcement. */
  groupKey: string;
  /** Absolute link to where the notification leads (the idea, its qualification panel, a campaign…). */
  link: string;
  /** A campaign announcement's "How might we…?" question. */
  question?: string | null;
  category: NotificationCategory;
  needsAction: boolean;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailLinks {
  /** Absolute one-click unsubscribe link for a category. */
  unsubscribe: (category: NotificationCategory) => string;
}

/**
 * The language's typography on everything a reader sees: in French, a narrow no-break space before
 * « : ; ! ? » and inside « guillemets » (subject, text part, text of the HTML part; never links or
 * markup). Templates write `Label: value` in both languages; French gets its space here.
 */
function typeset(locale: Locale, mail: RenderedMail): RenderedMail {
  if (locale !== 'fr') return mail;
  return {
    subject: frenchTypography(mail.subject),
    html: frenchTypographyHtml(mail.html),
    text: frenchTypography(mail.text),
  };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function layout(locale: Locale, title: string, bodyHtml: string, footerHtml: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:40rem;margin:0 auto;padding:1rem">
${bodyHtml}
<hr style="border:none;border-top:1px solid #ccd">
<p style="font-size:.85rem;color:#52606d">${footerHtml}</p>
</body></html>`;
}

function unsubscribeParts(locale: Locale, categories: NotificationCategory[], links: MailLinks) {
  const t = MAIL_TEXT[locale];
  const uniq = [...new Set(categories)];
  return {
    html: uniq
      .map((c) => `<a href="${esc(links.unsubscribe(c))}">${esc(t.unsubscribe(CATEGORY_NAMES[locale][c]))}</a>`)
      .join('<br>'),
    text: uniq.map((c) => `${t.unsubscribe(CATEGORY_NAMES[locale][c])}: ${links.unsubscribe(c)}`).join('\n'),
  };
}

const openLabel = (locale: Locale, item: MailItem): string =>
  item.groupKey.startsWith('campaign:')
    ? MAIL_TEXT[locale].openCampaign
    : item.groupKey.startsWith('role-request:')
      ? MAIL_TEXT[locale].openAdmin
      : MAIL_TEXT[locale].open;

/** One notification, sent at once. */
export function renderImmediate(locale: Locale, item: MailItem, links: MailLinks): RenderedMail {
  const t = MAIL_TEXT[locale];
  const sentence = describeEvent(locale, item);
  const url = item.link;
  const open = openLabel(locale, item);
  const unsub = unsubscribeParts(locale, [item.category], links);
  const detail = item.detail ? `<p><strong>${esc(t.reason)}:</strong> ${esc(item.detail)}</p>` : '';
  const question = item.question
    ? `<p>${esc(t.question)}</p><blockquote style="font-size:1.1rem;margin:0 0 1rem 1rem">${esc(item.question)}</blockquote>`
    : '';
  const html = layout(
    locale,
    sentence,
    `<p>${item.needsAction ? `<strong>${esc(t.needsAction)} · </strong>` : ''}${esc(sentence)}</p>${question}${detail}<p><a href="${esc(url)}">${esc(open)}</a></p>`,
    `${esc(t.footer)}<br>${unsub.html}`,
  );
  const text = [
    `${item.needsAction ? `${t.needsAction} · ` : ''}${sentence}`,
    ...(item.question ? ['', t.question, `  ${item.question}`] : []),
    ...(item.detail ? [`${t.reason}: ${item.detail}`] : []),
    '',
    `${open}: ${url}`,
    '',
    '--',
    t.footer,
    unsub.text,
  ].join('\n');
  return typeset(locale, { subject: `[Éclore] ${sentence}`, html, text });
}

/** Several notifications in one e-mail: grouped by idea, ideas needing action first, each item once. */
export function renderDigest(
  locale: Locale,
  frequency: 'daily' | 'weekly',
  items: readonly MailItem[],
  links: MailLinks,
): RenderedMail {
  const t = MAIL_TEXT[locale];
  const groups = new Map<string, MailItem[]>();
  for (const item of collapseSupports(items)) groups.set(item.groupKey, [...(groups.get(item.groupKey) ?? []), item]);
  const ordered = [...groups.values()].sort(
    (a, b) => Number(b.some((i) => i.needsAction)) - Number(a.some((i) => i.needsAction)),
  );
  const unsub = unsubscribeParts(
    locale,
    items.map((i) => i.category),
    links,
  );
  const htmlGroups = ordered
    .map((group) => {
      const first = group[0]!;
      const lis = [...group]
        .sort((a, b) => Number(b.needsAction) - Number(a.needsAction))
        .map(
          (i) =>
            `<li>${i.needsAction ? `<strong>${esc(t.needsAction)} · </strong>` : ''}${esc(describeEvent(locale, i))}</li>`,
        )
        .join('');
      return `<h2 style="font-size:1.05rem">${esc(first.ideaTitle)}</h2><ul>${lis}</ul><p><a href="${esc(groupLink(first))}">${esc(openLabel(locale, first))}</a></p>`;
    })
    .join('\n');
  const textGroups = ordered
    .map((group) => {
      const first = group[0]!;
      return [
        `## ${first.ideaTitle}`,
        ...group.map((i) => `- ${i.needsAction ? `${t.needsAction} · ` : ''}${describeEvent(locale, i)}`),
        `${openLabel(locale, first)}: ${groupLink(first)}`,
      ].join('\n');
    })
    .join('\n\n');
  const subject = t.digestSubject(frequency, items.length);
  return typeset(locale, {
    subject,
    html: layout(
      locale,
      subject,
      `<p>${esc(t.digestIntro(frequency))}</p>${htmlGroups}`,
      `${esc(t.footer)}<br>${unsub.html}`,
    ),
    text: [t.digestIntro(frequency), '', textGroups, '', '--', t.footer, unsub.text].join('\n'),
  });
}

/** A group's link: the page itself, not the panel one of its items leads to. */
function groupLink(first: MailItem): string {
  return first.link.replace(/#.*$/, '');
}

/** Supports of one idea become one line ("3 new supports"), where the first of them was. */
function collapseSupports(items: readonly MailItem[]): MailItem[] {
  const counts = new Map<string, number>();
  for (const i of items) if (i.type === 'supported') counts.set(i.groupKey, (counts.get(i.groupKey) ?? 0) + 1);
  const seen = new Set<string>();
  return items.flatMap((i) => {
    if (i.type !== 'supported') return [i];
    if (seen.has(i.groupKey)) return [];
    seen.add(i.groupKey);
    return [{ ...i, extra: { ...i.extra, count: counts.get(i.groupKey) } }];
  });
}
