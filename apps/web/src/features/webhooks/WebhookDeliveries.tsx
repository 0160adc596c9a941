import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listWebhookDeliveriesOptions, replayWebhookDeliveryMutation, type WebhookDto } from '@eclore/api-client';
import { Alert, Button, Panel, StatusBadge } from '@eclore/web-ui';
import { deliveryErrorText, eventTypeText, fieldErrorText, useLocale, useWebhooksText } from './i18n';
import { useDeliveriesChanged } from './queries';
import { WebhooksTable } from './WebhooksTable';

/** The recent deliveries of one webhook with their status (polled while any is pending), and replay. */
export function Deliveries({ webhook, onClose }: { webhook: WebhookDto; onClose: () => void }) {
  const s = useWebhooksText();
  const locale = useLocale();
  const deliveriesChanged = useDeliveriesChanged();
  const options = { path: { id: webhook.id } };
  // Pending deliveries change on their own (retries in the worker): poll while any is pending.
  const deliveries = useQuery({
    ...listWebhookDeliveriesOptions(options),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 2000 : false),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const replay = useMutation({
    ...replayWebhookDeliveryMutation(),
    onSuccess: () => {
      setNotice(s.deliveries.replayed);
      deliveriesChanged(options);
    },
  });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const tone = (status: string) => (status === 'sent' ? 'up' : status === 'failed' ? 'down' : 'unknown');
  return (
    <Panel title={s.deliveries.title(webhook.url)}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {replay.isError ? <Alert tone="error">{fieldErrorText(s, 'other')}</Alert> : null}
      <WebhooksTable
        query={deliveries}
        text={s.deliveries}
        columns={[
          { key: 'when', header: s.deliveries.when, cell: (d) => when.format(new Date(d.createdAt)) },
          { key: 'event', header: s.deliveries.event, cell: (d) => eventTypeText(s, d.eventType) },
          {
            key: 'status',
            header: s.deliveries.status,
            cell: (d) => <StatusBadge state={tone(d.status)}>{s.status[d.status]}</StatusBadge>,
          },
          { key: 'attempts', header: s.deliveries.attempts, cell: (d) => d.attempts },
          {
            key: 'answer',
            header: s.deliveries.answer,
            cell: (d) => deliveryErrorText(s, d.lastError, d.lastStatus),
          },
          {
            key: 'actions',
            header: s.list.actions,
            headerHidden: true,
            cell: (d) =>
              d.status === 'pending' ? null : (
                <Button
                  variant="secondary"
                  aria-label={`${s.deliveries.replay}: ${eventTypeText(s, d.eventType)}, ${when.format(new Date(d.createdAt))}`}
                  disabled={replay.isPending}
                  onClick={() => {
                    setNotice(null);
                    replay.mutate({ path: { id: d.id } });
                  }}
                >
                  {s.deliveries.replay}
                </Button>
              ),
          },
        ]}
      />
      <Button variant="secondary" onClick={onClose}>
        {s.deliveries.close}
      </Button>
    </Panel>
  );
}
