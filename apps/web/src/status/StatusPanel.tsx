import { useQuery } from '@tanstack/react-query';
import { getHealthOptions, getReadinessOptions } from '@eclore/api-client';
import { Button, Panel, StatusBadge } from '@eclore/web-ui';
import { platformStatus, type ServiceState } from './platform-status';
import { useStatusText } from './i18n';

const REFRESH_MS = 30_000;

export function StatusPanel() {
  const text = useStatusText();
  const health = useQuery({ ...getHealthOptions(), refetchInterval: REFRESH_MS, retry: false });
  // A 503 rejects with an ApiError whose `extensions.details` keeps each service's state.
  const readiness = useQuery({ ...getReadinessOptions(), refetchInterval: REFRESH_MS, retry: false });
  const status = platformStatus(health, readiness);
  const busy = health.isFetching || readiness.isFetching;

  const rows: { key: 'api' | 'database' | 'queue'; state: ServiceState }[] = [
    { key: 'api', state: status.api },
    { key: 'database', state: status.database },
    { key: 'queue', state: status.queue },
  ];

  return (
    <Panel title={text.title}>
      {/* role=status is a polite live region: the summary is announced when it changes, not on every poll. */}
      <p role="status" className="ec-status-summary">
        {text[status.summary]}
      </p>
      <dl className="ec-facts" aria-busy={busy}>
        {rows.map((row) => (
          <div key={row.key} className="ec-facts__row" data-service={row.key}>
            <dt>{text[row.key]}</dt>
            <dd>
              <StatusBadge state={row.state}>{text[row.state]}</StatusBadge>
            </dd>
          </div>
        ))}
      </dl>
      <Button
        variant="secondary"
        disabled={busy}
        onClick={() => {
          void health.refetch();
          void readiness.refetch();
        }}
      >
        {text.refresh}
      </Button>
    </Panel>
  );
}
