import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from '@eclore/domain';

/** localStorage key of the language the person chose (a UI preference, never a credential). */
export const LOCALE_STORAGE_KEY = 'eclore.locale';

/**
 * The language to show: the person's saved choice, else the first supported browser language
 * (`navigator.languages`, e.g. fr-CH → fr), else French.
 */
export function chooseLocale(
  saved: string | null | undefined,
  browserLanguages: readonly string[] | undefined,
): Locale {
  if (isLocale(saved)) return saved;
  return negotiateLocale(browserLanguages ?? [], DEFAULT_LOCALE);
}
