import { useId } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listMyDataExportsOptions, requestMyDataExportMutation, type PersonalDataExportDto } from '@eclore/api-client';
import { Alert, Button, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useProfileText } from './i18n';
import { useDataExportsChanged } from './queries';

const running = (e: PersonalDataExportDto | undefined) => e?.status === 'queued' || e?.status === 'building';

/**
 * "Download my data" (docs/personal-data.md): asks the worker for an archive, follows its progress by
 * polling the latest export, then offers the owner-only link until it expires.
 */
export function PersonalDataPanel() {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useProfileText();
  const labelId = useId();
  const exports = useQuery({
    ...listMyDataExportsOptions(),
    refetchInterval: (q) => (running(q.state.data?.[0]) ? 1500 : false),
  });
  const exportsChanged = useDataExportsChanged();
  const request = useMutation({
    ...requestMyDataExportMutation(),
    onSuccess: () => void exportsChanged(),
  });
  const latest = exports.data?.[0];
  const size = (bytes: number | null) =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
      Math.max(1, Math.round((bytes ?? 0) / 1024)),
    );
  const date = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)) : '';

  return (
    <Panel title={text.data.title}>
      <p>{text.data.lead}</p>
      {exports.isError ? <Alert tone="error">{problemMessage(app.problems, exports.error)}</Alert> : null}
      {request.isError ? <Alert tone="error">{problemMessage(app.problems, request.error)}</Alert> : null}
      {running(latest) && latest ? (
        <div data-testid="data-export-progress">
          <p id={labelId}>{text.data.progress}</p>
          <progress aria-labelledby={labelId} max={Math.max(latest.totalSteps ?? 1, 1)} value={latest.doneSteps} />
          <p role="status">
            {latest.totalSteps === null
              ? text.data.queued
              : text.data.building({ done: latest.doneSteps, total: latest.totalSteps })}
          </p>
        </div>
      ) : null}
      {latest?.downloadable ? (
        <>
          <p role="status">{text.data.ready({ size: size(latest.sizeBytes), date: date(latest.expiresAt) })}</p>
          <p>
            <a className="ec-button ec-button--primary" href={`/api/me/data-exports/${latest.id}/download`} download>
              {text.data.download}
            </a>
          </p>
        </>
      ) : null}
      {latest?.status === 'ready' && !latest.downloadable ? <p>{text.data.expired}</p> : null}
      {latest?.status === 'failed' ? <Alert tone="error">{text.data.failed}</Alert> : null}
      {running(latest) ? null : (
        <Button
          variant={latest?.downloadable ? 'secondary' : 'primary'}
          disabled={request.isPending || exports.isPending}
          onClick={() => request.mutate({})}
        >
          {latest ? text.data.again : text.data.request}
        </Button>
      )}
    </Panel>
  );
}
