import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listWebhookDeliveriesOptions, replayWebhookDeliveryMutation, type WebhookDto } from '@eclore/api-client';
import { Alert, Button, Panel, StatusBadge } from '@eclore/web-ui';
import { deliveryErrorText, eventTypeText, fieldErrorText, useLocale, useWebhooksText } from './i18n';
import { useDeliveriesChanged } from './queries';

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
  const items = deliveries.data?.items ?? [];
  const tone = (status: string) => (status === 'sent' ? 'up' : status === 'failed' ? 'down' : 'unknown');
  return (
    <Panel title={s.deliveries.title(webhook.url)}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {replay.isError ? <Alert tone="error">{fieldErrorText(s, 'other')}</Alert> : null}
      {deliveries.isPending ? null : items.length === 0 ? (
        <p role="status">{s.deliveries.none}</p>
      ) : (
        <div className="ec-table-wrap">
          <table className="ec-table">
            <caption>{s.deliveries.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.deliveries.when}</th>
                <th scope="col">{s.deliveries.event}</th>
                <th scope="col">{s.deliveries.status}</th>
                <th scope="col">{s.deliveries.attempts}</th>
                <th scope="col">{s.deliveries.answer}</th>
                <th scope="col">
                  <span className="ec-visually-hidden">{s.list.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>{when.format(new Date(d.createdAt))}</td>
                  <td>{eventTypeText(s, d.eventType)}</td>
                  <td>
                    <StatusBadge state={tone(d.status)}>{s.status[d.status]}</StatusBadge>
                  </td>
                  <td>{d.attempts}</td>
                  <td>{deliveryErrorText(s, d.lastError, d.lastStatus)}</td>
                  <td>
                    {d.status === 'pending' ? null : (
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
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button variant="secondary" onClick={onClose}>
        {s.deliveries.close}
      </Button>
    </Panel>
  );
}
