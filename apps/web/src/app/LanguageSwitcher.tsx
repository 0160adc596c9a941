import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, isLocale } from '@eclore/domain';
import { SelectField } from '@eclore/web-ui';
import { useChooseLocale } from '../session/locale';
import { useSession } from '../session/session';
import { useAppText } from './i18n';

/** A native select: each option names its language in that language, marked with `lang`. */
export function LanguageSwitcher() {
  const { i18n } = useTranslation();
  const app = useAppText();
  // Signed in, the choice is also saved to the person's profile (it follows them to other devices).
  const choose = useChooseLocale(useSession());
  return (
    <SelectField
      label={app.language.label}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => {
        if (isLocale(event.target.value)) choose(event.target.value);
      }}
    >
      {SUPPORTED_LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {app.language[locale]}
        </option>
      ))}
    </SelectField>
  );
}
