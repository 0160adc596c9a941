import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  getNotificationDefaultsOptions,
  getNotificationDefaultsQueryKey,
  listNotificationDeliveriesOptions,
  replayNotificationDeliveryMutation,
  setNotificationDefaultsMutation,
} from '@eclore/api-client';
import { Alert, Button, DataTable, Panel } from '@eclore/web-ui';
import { AdminHeader } from '../admin/AdminHeader';
import { problemMessage } from '../../app/errors';
import { FrequenciesForm } from './FrequenciesForm';
import { useNotificationsText } from './i18n';
import './notifications.css';
import { useAppText } from '../../app/i18n';
import { useDeliveriesChanged } from './queries';

/** Administration of notifications: the organisation's defaults and the failed e-mails with a replay button. */
export default function NotificationsAdminPage() {
  const s = useNotificationsText();
  const { i18n } = useTranslation();
  const app = useAppText();
  const queryClient = useQueryClient();
  const defaults = useQuery(getNotificationDefaultsOptions());
  const failedQuery = { query: { status: 'failed' as const } };
  const failed = useQuery(listNotificationDeliveriesOptions(failedQuery));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    ...setNotificationDefaultsMutation(),
    onSuccess: (data) => {
      queryClient.setQueryData(getNotificationDefaultsQueryKey(), data);
      setNotice(s.admin.defaultsSaved);
    },
  });
  const deliveriesChanged = useDeliveriesChanged(failedQuery);
  const replay = useMutation({
    ...replayNotificationDeliveryMutation(),
    onSuccess: () => {
      setNotice(s.admin.replayed);
      void deliveriesChanged();
    },
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <AdminHeader title={s.admin.title} lead={s.admin.lead} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Panel title={s.admin.defaultsTitle}>
        {defaults.isPending ? <p role="status">{app.app.loading}</p> : null}
        {defaults.isError ? <Alert tone="error">{problemMessage(app.problems, defaults.error)}</Alert> : null}
        {defaults.isSuccess ? (
          <FrequenciesForm
            label={s.admin.defaultsTitle}
            rows={defaults.data.defaults}
            save={save}
            saveLabel={s.admin.defaultsSave}
            onSave={() => setNotice(null)}
          />
        ) : null}
      </Panel>
      <Panel title={s.admin.failedTitle}>
        {failed.isPending ? <p role="status">{app.app.loading}</p> : null}
        {failed.isError ? <Alert tone="error">{problemMessage(app.problems, failed.error)}</Alert> : null}
        {replay.isError ? <Alert tone="error">{problemMessage(app.problems, replay.error)}</Alert> : null}
        {failed.isSuccess && failed.data.deliveries.length === 0 ? <p>{s.admin.noFailed}</p> : null}
        {failed.isSuccess && failed.data.deliveries.length > 0 ? (
          <DataTable
            narrow="list"
            caption={s.admin.caption}
            rows={failed.data.deliveries}
            rowKey={(d) => d.id}
            columns={[
              { key: 'recipient', header: s.admin.recipient, cell: (d) => d.recipientEmail },
              { key: 'kind', header: s.admin.kind, cell: (d) => s.admin.kinds[d.kind] },
              { key: 'attempts', header: s.admin.attempts, cell: (d) => d.attempts },
              { key: 'error', header: s.admin.error, cell: (d) => d.lastError },
              {
                key: 'when',
                header: s.admin.when,
                cell: (d) => <time dateTime={d.createdAt}>{when.format(new Date(d.createdAt))}</time>,
              },
              {
                key: 'actions',
                header: s.admin.actions,
                cell: (d) => (
                  <Button
                    variant="secondary"
                    disabled={replay.isPending}
                    onClick={() => replay.mutate({ path: { id: d.id } })}
                    aria-label={`${s.admin.replay} (${d.recipientEmail})`}
                  >
                    {s.admin.replay}
                  </Button>
                ),
              },
            ]}
          />
        ) : null}
      </Panel>
    </>
  );
}
