import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getMyProfileOptions, getMyProfileQueryKey } from '@eclore/api-client';
import { SUPPORTED_LOCALES, isLocale, type Locale } from '@eclore/domain';
import { Alert, Button, PageHeader, Panel, SelectField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { changeLocale } from '../../i18n/i18n';
import { followBrowserLocale, useSaveLocale } from '../../session/locale';
import { problemMessage } from '../../session/problem-message';
import { ScopeText } from '../admin/ScopeText';
import { NotificationPreferences } from '../notifications/NotificationPreferences';
import { PersonalDataPanel } from './PersonalDataPanel';

const FOLLOW_BROWSER = '';

/** The person's own profile: who they are in the organisation, their roles, their language. */
export default function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const focus = useFocusHeadingOnMount();
  const profile = useQuery(getMyProfileOptions());
  const queryClient = useQueryClient();
  const save = useSaveLocale();
  const [choice, setChoice] = useState<string | null>(null);

  if (profile.isPending) return <p role="status">{t('app.loading')}</p>;
  if (profile.isError) return <Alert tone="error">{problemMessage(t, profile.error)}</Alert>;
  const me = profile.data;
  const selected = choice ?? me.locale ?? FOLLOW_BROWSER;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const locale: Locale | null = isLocale(selected) ? selected : null;
    save.mutate(
      { body: { locale } },
      {
        onSuccess: (updated) => {
          queryClient.setQueryData(getMyProfileQueryKey(), updated);
          setChoice(null);
          void (locale ? changeLocale(locale) : followBrowserLocale());
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('profile.title')} focusOnMount={focus} />
      <div className="ec-grid">
        <Panel title={t('profile.identity')}>
          <dl className="ec-facts">
            <div className="ec-facts__row">
              <dt>{t('profile.name')}</dt>
              <dd>
                {me.givenName} {me.familyName}
              </dd>
            </div>
            <div className="ec-facts__row">
              <dt>{t('profile.email')}</dt>
              <dd>{me.email}</dd>
            </div>
            <div className="ec-facts__row">
              <dt>{t('profile.unit')}</dt>
              <dd>{me.orgUnit ? me.orgUnit.name : t('profile.noUnit')}</dd>
            </div>
          </dl>
          {me.orgUnit && me.orgUnit.path.length > 1 ? (
            <nav aria-label={t('profile.unitPath')}>
              <ol className="ec-breadcrumb">
                {me.orgUnit.path.map((unit) => (
                  <li key={unit.id}>{unit.name}</li>
                ))}
              </ol>
            </nav>
          ) : null}
        </Panel>
        <Panel title={t('profile.roles')}>
          <ul>
            {me.roles.map((r, i) => (
              <li key={`${r.role}-${i}`}>
                {t(`roles.${r.role}`)} — <ScopeText scope={r.scope} />
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('profile.preferences')}>
          {save.isSuccess && choice === null ? <Alert tone="success">{t('profile.saved')}</Alert> : null}
          {save.isError ? <Alert tone="error">{problemMessage(t, save.error)}</Alert> : null}
          <form onSubmit={onSubmit} className="ec-form-row">
            <SelectField
              label={t('profile.language')}
              name="locale"
              value={selected}
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value={FOLLOW_BROWSER}>{t('profile.followBrowser')}</option>
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {t(`language.${locale}`)}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={save.isPending}>
              {t('profile.save')}
            </Button>
          </form>
        </Panel>
        <NotificationPreferences />
        <PersonalDataPanel />
      </div>
    </>
  );
}
