import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getMyNotificationPreferencesOptions,
  getMyNotificationPreferencesQueryKey,
  setMyNotificationPreferencesMutation,
} from '@eclore/api-client';
import { Alert, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { FrequenciesForm } from './FrequenciesForm';
import { useNotificationsText } from './i18n';
import './notifications.css';
import { useAppText } from '../../app/i18n';

/** The profile's section: when to get an e-mail, per category (the organisation default shown). */
export function NotificationPreferences() {
  const s = useNotificationsText();
  const app = useAppText();
  const queryClient = useQueryClient();
  const prefs = useQuery(getMyNotificationPreferencesOptions());
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    ...setMyNotificationPreferencesMutation(),
    onSuccess: (data) => {
      queryClient.setQueryData(getMyNotificationPreferencesQueryKey(), data);
      setSaved(true);
    },
  });
  if (prefs.isPending) return <p role="status">{app.app.loading}</p>;
  if (prefs.isError) return <Alert tone="error">{problemMessage(app.problems, prefs.error)}</Alert>;

  return (
    <Panel title={s.prefs.title}>
      <p>{s.prefs.lead}</p>
      {prefs.data.emailEnabled ? null : <Alert tone="info">{s.prefs.emailOff}</Alert>}
      <FrequenciesForm
        label={s.prefs.title}
        rows={prefs.data.preferences}
        fallback={(p) => s.prefs.orgDefault(s.frequencies[p.organisationDefault])}
        save={save}
        saveLabel={s.prefs.save}
        onSave={() => setSaved(false)}
      >
        {saved ? <Alert tone="success">{s.prefs.saved}</Alert> : null}
      </FrequenciesForm>
    </Panel>
  );
}
