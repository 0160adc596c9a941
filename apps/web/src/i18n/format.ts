/**
 * Shared Intl formatters, one per locale and options. Building an Intl.DateTimeFormat costs far more
 * than using one (locale data lookup): a list that built one per row (the wall's 20 cards) spent a
 * visible share of its render there on a phone's CPU.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    cache.set(key, formatter);
  }
  return formatter;
}

/** A date (ISO string) in the locale's medium style, e.g. « 6 déc. 2026 » / "6 Dec 2026". */
export function mediumDate(locale: string, iso: string): string {
  return dateFormatter(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
