import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  dismissReportMutation,
  hideReportedContentMutation,
  listOpenReportsOptions,
  type ApiError,
  type OpenReportDto,
} from '@eclore/api-client';
import { Alert, Button, PageHeader, FormDialog } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { TextArea } from '../engagement/TextArea';
import { useLocale, useEngagementText } from '../engagement/i18n';
import '../engagement/engagement.css';
import { useReportsChanged } from './queries';

function ReportItem({ report, onResolved }: { report: OpenReportDto; onResolved: (message: string) => void }) {
  const s = useEngagementText();
  const locale = useLocale();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = useReportsChanged();
  const onError = (e: ApiError) => {
    setError(e.code === 'report_resolved' ? s.errors.resolved : s.errors.generic);
    if (e.code === 'report_resolved') void refresh();
  };
  const hide = useMutation({
    ...hideReportedContentMutation(),
    onSuccess: () => {
      setHiding(false);
      onResolved(s.moderation.hidden);
      void refresh();
    },
    onError,
  });
  const dismiss = useMutation({
    ...dismissReportMutation(),
    onSuccess: () => {
      onResolved(s.moderation.dismissed);
      void refresh();
    },
    onError,
  });
  const kind = report.targetType === 'idea' ? s.moderation.idea : s.moderation.comment;
  return (
    <li className="ec-moderation__item">
      <article aria-label={`${kind} · ${report.ideaTitle}`}>
        <h2>
          {kind} · <span className="ec-engagement__muted">{s.moderation.reports(report.reportsOnTarget)}</span>
        </h2>
        <p>
          {s.moderation.on} <Link to={`/ideas/${report.ideaId}`}>{report.ideaTitle}</Link> ·{' '}
          <time dateTime={report.createdAt}>
            {new Date(report.createdAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </p>
        <blockquote>{report.excerpt}</blockquote>
        <p>
          <strong>{s.moderation.reason} :</strong> {report.reason}
        </p>
        {error ? <p role="alert">{error}</p> : null}
        <div className="ec-engagement__bar">
          <Button onClick={() => setHiding(true)}>{s.moderation.hide}</Button>
          <Button
            variant="secondary"
            disabled={dismiss.isPending}
            onClick={() => dismiss.mutate({ path: { id: report.id } })}
          >
            {s.moderation.dismiss}
          </Button>
        </div>
      </article>
      <FormDialog
        open={hiding}
        title={s.moderation.hideTitle}
        submitLabel={s.moderation.hide}
        cancelLabel={s.cancel}
        busy={hide.isPending}
        onCancel={() => setHiding(false)}
        onSubmit={() => {
          if (!reason.trim()) return setError(s.errors.required);
          hide.mutate({ path: { id: report.id }, body: { reason: reason.trim() } });
        }}
      >
        <TextArea label={s.moderation.hideReason} value={reason} onChange={setReason} error={error} />
      </FormDialog>
    </li>
  );
}

/** The network's moderation queue: open reports in the member's scope, hide with a reason or dismiss. */
export default function ModerationPage() {
  const s = useEngagementText();
  useDocumentTitle(s.moderation.title);
  const reports = useQuery(listOpenReportsOptions());
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={s.moderation.title} lead={s.moderation.lead} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {reports.isError ? <p role="alert">{s.errors.generic}</p> : null}
      {reports.data && reports.data.length === 0 ? <p>{s.moderation.empty}</p> : null}
      {reports.data && reports.data.length > 0 ? (
        <ol className="ec-moderation__list">
          {reports.data.map((r) => (
            <ReportItem key={r.id} report={r} onResolved={setMessage} />
          ))}
        </ol>
      ) : null}
    </>
  );
}
