import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getHealthOptions, getReadinessOptions } from '@eclore/api-client';
import { Button, Panel, StatusBadge } from '@eclore/web-ui';
import { platformStatus, type ServiceState } from './platform-status';

const REFRESH_MS = 30_000;

export function StatusPanel() {
  const { t } = useTranslation();
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
    <Panel title={t('status.title')}>
      {/* role=status is a polite live region: the summary is announced when it changes, not on every poll. */}
      <p role="status" className="ec-status-summary">
        {t(`status.${status.summary}`)}
      </p>
      <dl className="ec-facts" aria-busy={busy}>
        {rows.map((row) => (
          <div key={row.key} className="ec-facts__row" data-service={row.key}>
            <dt>{t(`status.${row.key}`)}</dt>
            <dd>
              <StatusBadge state={row.state}>{t(`status.${row.state}`)}</StatusBadge>
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
        {t('status.refresh')}
      </Button>
    </Panel>
  );
}
