/** Languages every screen, e-mail and report exists in. French first: our first users are francophone. */
export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Picks the first supported language from a preference list such as `fr-CH, en;q=0.8`. */
export function negotiateLocale(preferences: readonly string[], fallback: Locale = DEFAULT_LOCALE): Locale {
  for (const pref of preferences) {
    const base = pref.trim().toLowerCase().split(/[-_;]/)[0];
    if (isLocale(base)) return base;
  }
  return fallback;
}

/**
 * One language's column of a table of fr/en labels: the web's text objects hold one language each,
 * while the domain's tables (the report's too) hold both side by side.
 */
export function labelsIn<K extends string>(
  table: Readonly<Record<K, Readonly<Record<Locale, string>>>>,
  locale: Locale,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<Readonly<Record<Locale, string>>>(table).map(([k, v]) => [k, v[locale]]),
  ) as Record<K, string>;
}
