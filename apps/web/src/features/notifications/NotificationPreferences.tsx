import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getMyNotificationPreferencesOptions,
  getMyNotificationPreferencesQueryKey,
  setMyNotificationPreferencesMutation,
  type CategoryFrequencyDto,
} from '@eclore/api-client';
import { Alert, Button, Panel, SelectField } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useNotificationsText } from './i18n';
import './notifications.css';
import { useAppText } from '../../app/i18n';

type Frequency = CategoryFrequencyDto['frequency'];
const FREQUENCIES: Frequency[] = ['immediately', 'daily', 'weekly', 'off'];

/** The profile's section: when to get an e-mail, per category (the organisation default shown). */
export function NotificationPreferences() {
  const s = useNotificationsText();
  const app = useAppText();
  const queryClient = useQueryClient();
  const prefs = useQuery(getMyNotificationPreferencesOptions());
  const [draft, setDraft] = useState<Record<string, Frequency>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    ...setMyNotificationPreferencesMutation(),
    onSuccess: (data) => {
      queryClient.setQueryData(getMyNotificationPreferencesQueryKey(), data);
      setDraft({});
      setSaved(true);
    },
  });
  if (prefs.isPending) return <p role="status">{app.app.loading}</p>;
  if (prefs.isError) return <Alert tone="error">{problemMessage(app.problems, prefs.error)}</Alert>;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({
      body: {
        preferences: Object.entries(draft).map(
          ([category, frequency]) => ({ category, frequency }) as CategoryFrequencyDto,
        ),
      },
    });
  };

  return (
    <Panel title={s.prefs.title}>
      <p>{s.prefs.lead}</p>
      {prefs.data.emailEnabled ? null : <Alert tone="info">{s.prefs.emailOff}</Alert>}
      <form onSubmit={onSubmit} className="ec-notif-prefs" aria-label={s.prefs.title}>
        {prefs.data.preferences.map((p) => (
          <div key={p.category}>
            <SelectField
              label={s.categories[p.category]}
              value={draft[p.category] ?? p.frequency}
              onChange={(e) => setDraft({ ...draft, [p.category]: e.target.value as Frequency })}
              aria-describedby={`pref-default-${p.category}`}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {s.frequencies[f]}
                </option>
              ))}
            </SelectField>
            <small id={`pref-default-${p.category}`}>{s.prefs.orgDefault(s.frequencies[p.organisationDefault])}</small>
          </div>
        ))}
        <div>
          <Button type="submit" disabled={save.isPending || Object.keys(draft).length === 0}>
            {s.prefs.save}
          </Button>
        </div>
        {saved ? <Alert tone="success">{s.prefs.saved}</Alert> : null}
        {save.isError ? <Alert tone="error">{problemMessage(app.problems, save.error)}</Alert> : null}
      </form>
    </Panel>
  );
}
