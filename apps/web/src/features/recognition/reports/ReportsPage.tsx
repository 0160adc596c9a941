import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getAnnualReportQueryKey,
  listAnnualReportsOptions,
  listOrgUnitsOptions,
  requestAnnualReportMutation,
  type AnnualReportRunDto,
} from '@eclore/api-client';
import { Alert, Button, PageHeader, Panel, SelectField } from '@eclore/web-ui';
import { problemMessage } from '../../../app/errors';
import { useAppText } from '../../../app/i18n';
import { indentedUnit } from '../../../app/org-unit-option';
import { useFocusHeadingOnMount } from '../../../app/route-focus';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useLocale } from '../../../i18n/text';
import { useReportsText, type ReportsText } from './i18n';
import { isRunning, useAnnualReport, useAnnualReportsChanged } from './queries';
import './reports.css';

const FIRST_YEAR = 2000;

/**
 * The annual report (docs/recognition.md §5): pick a year and a scope, start the report, watch the
 * worker's progress live (the run is polled), then download the PDF in French or English and the XLSX
 * through their short-lived signed links. Asking again while one runs shows the running one.
 */
export default function ReportsPage() {
  const s = useReportsText();
  const app = useAppText();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const [orgUnitId, setOrgUnitId] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const [already, setAlready] = useState(false);
  const units = useQuery(listOrgUnitsOptions());
  const runs = useQuery(listAnnualReportsOptions());
  const changed = useAnnualReportsChanged();
  const run = useAnnualReport(runId);
  const queryClient = useQueryClient();
  const request = useMutation({
    ...requestAnnualReportMutation(),
    onSuccess: (created) => {
      // The answer is the run as it stands: shown at once (queued, 0 %), then polled for its progress.
      queryClient.setQueryData(getAnnualReportQueryKey({ path: { id: created.id } }), created);
      // The run was already listed: the request answered the one in preparation (idempotent per year and scope).
      setAlready((runs.data ?? []).some((r) => r.id === created.id));
      setRunId(created.id);
      void changed();
    },
  });
  // A run that ends changes the recent list's status too.
  const status = run.data?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void changed();
  }, [status, changed]);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      <Panel title={s.form}>
        <form
          className="ec-reports__form"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate({ body: { year: Number(year), ...(orgUnitId ? { orgUnitId } : {}) } });
          }}
        >
          <SelectField
            label={s.year}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            options={years.map((y) => ({ value: y, label: y }))}
          />
          <SelectField
            label={s.unit}
            value={orgUnitId}
            onChange={(e) => setOrgUnitId(e.target.value)}
            placeholder={s.wholeOrganisation}
            options={(units.data ?? []).map(indentedUnit)}
          />
          <Button type="submit" variant="primary" disabled={request.isPending}>
            {request.isPending ? s.starting : s.start}
          </Button>
        </form>
        {request.isError ? <Alert tone="error">{problemMessage(app.problems, request.error, s.problems)}</Alert> : null}
      </Panel>
      {run.data ? <RunPanel s={s} run={run.data} already={already} /> : null}
      <RecentRuns
        s={s}
        runs={runs.data}
        error={runs.isError}
        onOpen={(id) => {
          setAlready(false);
          setRunId(id);
        }}
      />
    </>
  );
}

function RunPanel({ s, run, already }: { s: ReportsText; run: AnnualReportRunDto; already: boolean }) {
  const labelId = useId();
  const locale = useLocale();
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
  const title = `${s.title} ${run.year} — ${run.scope?.name ?? s.wholeOrganisation}`;
  return (
    <Panel title={title}>
      <div data-testid="annual-report-run" data-status={run.status}>
        {already && isRunning(run) ? <p>{s.already}</p> : null}
        {isRunning(run) ? (
          <>
            <p id={labelId}>{s.progressLabel}</p>
            <progress aria-labelledby={labelId} max={100} value={run.progress} />
            <p role="status">{run.status === 'queued' ? s.queued : s.running(run.progress)}</p>
          </>
        ) : null}
        {run.status === 'failed' ? <Alert tone="error">{s.failed}</Alert> : null}
        {run.status === 'done' ? <p role="status">{s.done}</p> : null}
        {run.status === 'done' && run.figures ? <Summary s={s} run={run} /> : null}
        {run.downloads ? (
          <section aria-label={s.downloads}>
            <h3>{s.downloads}</h3>
            <ul className="ec-reports__downloads">
              {(['pdfFr', 'pdfEn', 'xlsx', 'xlsxEn'] as const).map((file) => (
                <li key={file}>
                  {/* The French PDF is the main download (a primary button); the others are secondary. */}
                  <a
                    className={`ec-button ec-button--${file === 'pdfFr' ? 'primary' : 'secondary'}`}
                    href={run.downloads![file]}
                    download
                  >
                    {s[file]}
                  </a>
                </li>
              ))}
            </ul>
            <p className="ec-reports__note">{s.linksExpire(time(run.downloads.expiresAt))}</p>
          </section>
        ) : null}
      </div>
    </Panel>
  );
}

function Summary({ s, run }: { s: ReportsText; run: AnnualReportRunDto }) {
  const locale = useLocale();
  const f = run.figures!;
  const n = (v: number | null, withheld = false) =>
    v === null
      ? withheld
        ? s.withheld
        : s.noData
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  const rows: [string, string][] = [
    [s.headcount, n(f.headcount, true)],
    [s.contributors, n(f.contributors, true)],
    [s.participation, f.participationRate === null ? s.noData : `${n(f.participationRate)} %`],
    [s.ideasSubmitted, n(f.ideasSubmitted)],
    [s.implemented, n(f.implementedIdeas)],
  ];
  return (
    <section aria-label={s.summary}>
      <h3>{s.summary}</h3>
      <dl className="ec-reports__facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RecentRuns({
  s,
  runs,
  error,
  onOpen,
}: {
  s: ReportsText;
  runs: AnnualReportRunDto[] | undefined;
  error: boolean;
  onOpen: (id: string) => void;
}) {
  const locale = useLocale();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <Panel title={s.recent}>
      {error ? <Alert tone="error">{s.loadError}</Alert> : null}
      {runs?.length === 0 ? <p>{s.recentEmpty}</p> : null}
      <ul className="ec-reports__recent" aria-label={s.recent}>
        {(runs ?? []).map((r) => {
          const name = `${r.year} — ${r.scope?.name ?? s.wholeOrganisation}`;
          return (
            <li key={r.id}>
              <span>
                <strong>{name}</strong>
                <br />
                {s.status[r.status]} · {s.requestedCol} {date(r.requestedAt)}
              </span>
              <Button variant="secondary" onClick={() => onOpen(r.id)} aria-label={`${s.open} ${name}`}>
                {s.open}
              </Button>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
