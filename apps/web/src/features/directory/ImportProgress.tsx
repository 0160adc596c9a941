import { DataTable } from '@eclore/web-ui';
import { useEffect, useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getDirectoryImportOptions } from '@eclore/api-client';
import { isFinal, pollInterval, progressOf } from './import-status';
import { useAppText } from '../../app/i18n';
import { messageFor } from '../../app/errors';
import { useDirectoryText } from './i18n';
import { useImportFinished } from './queries';

/** Follows one import: a real progress bar while the worker runs, then the counts or the rejected lines. */
export function ImportProgress({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useDirectoryText();
  const labelId = useId();
  const importFinished = useImportFinished();
  const query = useQuery({
    ...getDirectoryImportOptions({ path: { id } }),
    refetchInterval: (q) => pollInterval(q.state.data?.status),
  });
  const imp = query.data;
  const final = isFinal(imp?.status);

  useEffect(() => {
    if (!final) return;
    // The outcome changes the history list and the head counts shown below.
    void importFinished();
  }, [final, importFinished]);

  if (query.isError) return <p role="alert">{text.progress.loadFailed}</p>;
  if (!imp) return <p role="status">{app.app.loading}</p>;

  const bar = progressOf(imp);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="ec-dir-progress" data-status={imp.status}>
      <p id={labelId} className="ec-dir-progress__label">
        {text.progress.label({ file: imp.fileName })}
      </p>
      <progress aria-labelledby={labelId} value={bar.value} max={bar.max}>
        {bar.percent === undefined ? text.progress.waiting : `${bar.percent} %`}
      </progress>
      {/* Polite live region: announces the phase and the outcome, not every poll. */}
      <p role="status">
        {text.status[imp.status]}
        {!final && imp.totalRows !== null && imp.status !== 'queued'
          ? ` — ${text.progress.rows({ done: number.format(Math.min(imp.processedRows, imp.totalRows)), total: number.format(imp.totalRows) })}`
          : null}
      </p>

      {imp.status === 'completed' ? (
        <dl className="ec-facts ec-dir-counts">
          {(
            [
              ['created', imp.createdCount],
              ['updated', imp.updatedCount],
              ['unchanged', imp.unchangedCount],
              ['deactivated', imp.deactivatedCount],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="ec-facts__row">
              <dt>{text.counts[key]}</dt>
              <dd>{number.format(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      {imp.status === 'rejected' || imp.status === 'failed' ? (
        <>
          <p>
            {imp.status === 'rejected' ? text.rejected.lead({ count: imp.errorCount }) : text.rejected.failed}
            {imp.errorCount > imp.errors.length ? ` ${text.rejected.capped({ shown: imp.errors.length })}` : null}
          </p>
          <DataTable
            caption={text.rejected.caption}
            captionHidden
            className="ec-dir-table"
            wrapClassName="ec-dir-table-wrap"
            // A file may repeat the same problem on the same line: the position keeps keys unique.
            rows={imp.errors.map((e, i) => ({ ...e, i }))}
            rowKey={(e) => `${e.line}-${e.field ?? ''}-${e.code}-${e.i}`}
            columns={[
              {
                key: 'line',
                header: text.rejected.line,
                cell: (e) => (e.line > 0 ? number.format(e.line) : text.rejected.wholeFile),
              },
              { key: 'field', header: text.rejected.field, cell: (e) => (e.field ? <code>{e.field}</code> : '—') },
              {
                key: 'problem',
                header: text.rejected.problem,
                cell: (e) => messageFor(text.problems, e.code) ?? e.message,
              },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
