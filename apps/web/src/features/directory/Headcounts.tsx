import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getHeadcountsOptions, type HeadcountDto } from '@eclore/api-client';
import { DataTable, type DataTableColumn } from '@eclore/web-ui';
import { useAppText } from '../../app/i18n';
import { useDirectoryText } from './i18n';

/** Units shown in the chart: directions and services (units would make hundreds of bars). */
const CHART_MAX_DEPTH = 1;

export function Headcounts({ year }: { year: number }) {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useDirectoryText();
  const query = useQuery(getHeadcountsOptions({ query: { year } }));
  const number = new Intl.NumberFormat(i18n.language);

  if (query.isError) return <p role="alert">{text.headcounts.loadFailed}</p>;
  if (!query.data) return <p>{app.app.loading}</p>;
  const units = query.data.units;
  if (units.length === 0) return <p>{text.headcounts.empty({ year })}</p>;

  const columns: DataTableColumn<HeadcountDto>[] = [
    {
      key: 'unit',
      header: text.headcounts.unit,
      rowHeader: true,
      // Indented by depth, so the table reads as the tree.
      cell: (u) => (
        <span className="ec-dir-indent" style={{ paddingInlineStart: `${u.depth * 1.25}rem` }}>
          {u.name} <span className="ec-dir-code">{u.code}</span>
        </span>
      ),
    },
    { key: 'kind', header: text.headcounts.kind, cell: (u) => text.kinds[u.kind] },
    {
      key: 'direct',
      header: text.headcounts.direct,
      className: 'ec-num',
      cell: (u) => number.format(u.directCount),
    },
    { key: 'total', header: text.headcounts.total, className: 'ec-num', cell: (u) => number.format(u.totalCount) },
  ];
  const charted = units.filter((u) => u.depth <= CHART_MAX_DEPTH);
  const max = Math.max(1, ...charted.map((u) => u.totalCount));
  return (
    <>
      <figure className="ec-dir-chart">
        <figcaption>{text.headcounts.chartCaption({ year })}</figcaption>
        {/* The bars repeat the table's numbers; the text stays readable without the colours. */}
        <ul>
          {charted.map((u) => (
            <li key={u.orgUnitId} style={{ paddingInlineStart: `${u.depth * 1.5}rem` }}>
              <span className="ec-dir-chart__name">{u.name}</span>
              <span className="ec-dir-chart__bar" aria-hidden="true">
                <span style={{ width: `${(u.totalCount / max) * 100}%` }} data-kind={u.kind} />
              </span>
              <span className="ec-dir-chart__value">{number.format(u.totalCount)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <details className="ec-dir-details">
        <summary>{text.headcounts.tableToggle({ count: units.length })}</summary>
        <DataTable
          narrow="list"
          caption={text.headcounts.tableCaption({ year })}
          captionHidden
          className="ec-dir-table"
          wrapClassName="ec-dir-table-wrap"
          columns={columns}
          rows={units}
          rowKey={(u) => u.orgUnitId}
        />
      </details>
    </>
  );
}
