import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, isLocale } from '@eclore/domain';
import { SelectField } from '@eclore/web-ui';
import { useChooseLocale } from '../session/locale';
import { useSession } from '../session/session';

/** A native select: each option names its language in that language, marked with `lang`. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  // Signed in, the choice is also saved to the person's profile (it follows them to other devices).
  const choose = useChooseLocale(useSession());
  return (
    <SelectField
      label={t('language.label')}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => {
        if (isLocale(event.target.value)) choose(event.target.value);
      }}
    >
      {SUPPORTED_LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {t(`language.${locale}`)}
        </option>
      ))}
    </SelectField>
  );
}
