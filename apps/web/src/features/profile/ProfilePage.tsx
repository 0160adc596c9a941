import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getMyProfileOptions, getMyProfileQueryKey } from '@eclore/api-client';
import { SUPPORTED_LOCALES, isLocale, type Locale } from '@eclore/domain';
import { Alert, Button, Facts, PageHeader, Panel, SelectField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { changeLocale } from '../../i18n/i18n';
import { followBrowserLocale, useSaveLocale } from '../../session/locale';
import { problemMessage } from '../../app/errors';
import { ScopeText } from '../admin/ScopeText';
import { NotificationPreferences } from '../notifications/NotificationPreferences';
import { MyRecognitionsPanel } from '../recognition/MyRecognitionsPanel';
import { ContributionsPanel } from './ContributionsPanel';
import { PersonalDataPanel } from './PersonalDataPanel';
import { useAppText } from '../../app/i18n';
import { useProfileText } from './i18n';

const FOLLOW_BROWSER = '';

/** The person's own profile: who they are in the organisation, their roles, their language. */
export default function ProfilePage() {
  const app = useAppText();
  const text = useProfileText();
  useDocumentTitle(text.title);
  const focus = useFocusHeadingOnMount();
  const profile = useQuery(getMyProfileOptions());
  const queryClient = useQueryClient();
  const save = useSaveLocale();
  const [choice, setChoice] = useState<string | null>(null);

  if (profile.isPending) return <p role="status">{app.app.loading}</p>;
  if (profile.isError) return <Alert tone="error">{problemMessage(app.problems, profile.error)}</Alert>;
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
      <PageHeader title={text.title} focusOnMount={focus} />
      <div className="ec-grid">
        <Panel title={text.identity}>
          <Facts
            facts={[
              { term: text.name, value: `${me.givenName} ${me.familyName}` },
              { term: text.email, value: me.email },
              { term: text.unit, value: me.orgUnit ? me.orgUnit.name : text.noUnit },
            ]}
          />
          {me.orgUnit && me.orgUnit.path.length > 1 ? (
            <nav aria-label={text.unitPath}>
              <ol className="ec-breadcrumb">
                {me.orgUnit.path.map((unit) => (
                  <li key={unit.id}>{unit.name}</li>
                ))}
              </ol>
            </nav>
          ) : null}
        </Panel>
        <Panel title={text.roles}>
          <ul>
            {me.roles.map((r, i) => (
              <li key={`${r.role}-${i}`}>
                {app.roles[r.role]} — <ScopeText scope={r.scope} />
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={text.preferences}>
          {save.isSuccess && choice === null ? <Alert tone="success">{text.saved}</Alert> : null}
          {save.isError ? <Alert tone="error">{problemMessage(app.problems, save.error)}</Alert> : null}
          <form onSubmit={onSubmit} className="ec-form-row">
            <SelectField
              label={text.language}
              name="locale"
              value={selected}
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value={FOLLOW_BROWSER}>{text.followBrowser}</option>
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {app.language[locale]}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={save.isPending}>
              {text.save}
            </Button>
          </form>
        </Panel>
        <ContributionsPanel />
        <MyRecognitionsPanel />
        <NotificationPreferences />
        <PersonalDataPanel />
      </div>
    </>
  );
}
