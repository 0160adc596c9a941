import { useTranslation } from 'react-i18next';

/** A value put into a sentence (a name, a count, a date already formatted). */
export type Param = string | number;

/**
 * The one i18n mechanism: each feature keeps its text beside it as `{ fr, en }` objects (French is
 * the reference; `en` is typed by it, so a missing key is a type error) and reads them through the
 * hook made here. Plain objects rather than i18next keys because many texts are functions (plurals,
 * names and dates in sentences). i18next only holds the current language.
 */
export interface Texts<T> {
  fr: T;
  en: NoInfer<T>;
}

/** The text for a language tag: English for `en*`, French (the reference and fallback) otherwise. */
export function textFor<T>(texts: Texts<T>, language: string | undefined): T {
  return language?.startsWith('en') ? texts.en : texts.fr;
}

/** The hook a feature exports for its text; it re-renders on a language change. */
export function defineText<T>(texts: Texts<T>): () => T {
  return function useText(): T {
    const { i18n } = useTranslation();
    return textFor(texts, i18n.resolvedLanguage ?? i18n.language);
  };
}

/** The current language of the interface, for formatting dates and numbers. */
export function useLocale(): 'fr' | 'en' {
  const { i18n } = useTranslation();
  return localeOf(i18n);
}

/** The app's locale for an i18next instance (useLocale outside React). */
export function localeOf(i18n: { resolvedLanguage?: string; language: string }): 'fr' | 'en' {
  return (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'fr';
}
