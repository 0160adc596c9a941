import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { SUPPORTED_LOCALES, type Locale } from '@eclore/domain';
import { LOCALE_STORAGE_KEY, chooseLocale } from './locale';

// i18next holds the current language (detection, switching, <html lang>); the text itself lives
// beside each feature in its i18n.ts and is read through defineText (./text.ts).

function readSavedLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy mode): fall back to the browser's languages
  }
}

const detector = new LanguageDetector();
// One detector, one rule (chooseLocale, unit-tested): saved choice, else navigator.languages, else French.
detector.addDetector({
  name: 'eclore',
  lookup: () => chooseLocale(readSavedLocale(), navigator.languages),
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n
  .use(detector)
  .use(initReactI18next)
  .init({
    resources: {},
    supportedLngs: [...SUPPORTED_LOCALES],
    fallbackLng: 'fr',
    // Only an explicit choice in the switcher is saved; a detected language is not written back.
    detection: { order: ['eclore'], caches: [] },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });

/** Switches the language and remembers the choice for the next visit. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice holds for this page only
  }
  await i18n.changeLanguage(locale);
}

export { i18n };
