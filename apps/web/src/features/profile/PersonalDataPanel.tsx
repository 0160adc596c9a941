import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  listMyDataExportsOptions,
  listMyDataExportsQueryKey,
  requestMyDataExportMutation,
  type PersonalDataExportDto,
} from '@eclore/api-client';
import { Alert, Button, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../session/problem-message';

const running = (e: PersonalDataExportDto | undefined) => e?.status === 'queued' || e?.status === 'building';

/**
 * "Download my data" (docs/personal-data.md): asks the worker for an archive, follows its progress by
 * polling the latest export, then offers the owner-only link until it expires.
 */
export function PersonalDataPanel() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const queryClient = useQueryClient();
  const exports = useQuery({
    ...listMyDataExportsOptions(),
    refetchInterval: (q) => (running(q.state.data?.[0]) ? 1500 : false),
  });
  const request = useMutation({
    ...requestMyDataExportMutation(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listMyDataExportsQueryKey() }),
  });
  const latest = exports.data?.[0];
  const size = (bytes: number | null) =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
      Math.max(1, Math.round((bytes ?? 0) / 1024)),
    );
  const date = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)) : '';

  return (
    <Panel title={t('profile.data.title')}>
      <p>{t('profile.data.lead')}</p>
      {exports.isError ? <Alert tone="error">{problemMessage(t, exports.error)}</Alert> : null}
      {request.isError ? <Alert tone="error">{problemMessage(t, request.error)}</Alert> : null}
      {running(latest) && latest ? (
        <div data-testid="data-export-progress">
          <p id={labelId}>{t('profile.data.progress')}</p>
          <progress aria-labelledby={labelId} max={Math.max(latest.totalSteps ?? 1, 1)} value={latest.doneSteps} />
          <p role="status">
            {latest.totalSteps === null
              ? t('profile.data.queued')
              : t('profile.data.building', { done: latest.doneSteps, total: latest.totalSteps })}
          </p>
        </div>
      ) : null}
      {latest?.downloadable ? (
        <>
          <p role="status">{t('profile.data.ready', { size: size(latest.sizeBytes), date: date(latest.expiresAt) })}</p>
          <p>
            <a className="ec-button ec-button--primary" href={`/api/me/data-exports/${latest.id}/download`} download>
              {t('profile.data.download')}
            </a>
          </p>
        </>
      ) : null}
      {latest?.status === 'ready' && !latest.downloadable ? <p>{t('profile.data.expired')}</p> : null}
      {latest?.status === 'failed' ? <Alert tone="error">{t('profile.data.failed')}</Alert> : null}
      {running(latest) ? null : (
        <Button
          variant={latest?.downloadable ? 'secondary' : 'primary'}
          disabled={request.isPending || exports.isPending}
          onClick={() => request.mutate({})}
        >
          {latest ? t('profile.data.again') : t('profile.data.request')}
        </Button>
      )}
    </Panel>
  );
}
