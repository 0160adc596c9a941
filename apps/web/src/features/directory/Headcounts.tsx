import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getHeadcountsOptions, type HeadcountDto } from '@eclore/api-client';
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
        <div className="ec-dir-table-wrap">
          <table className="ec-dir-table ec-data-table--list">
            <caption className="ec-visually-hidden">{text.headcounts.tableCaption({ year })}</caption>
            <thead>
              <tr>
                <th scope="col">{text.headcounts.unit}</th>
                <th scope="col">{text.headcounts.kind}</th>
                <th scope="col" className="ec-num">
                  {text.headcounts.direct}
                </th>
                <th scope="col" className="ec-num">
                  {text.headcounts.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((u: HeadcountDto) => (
                <tr key={u.orgUnitId}>
                  <th scope="row" style={{ paddingInlineStart: `${0.5 + u.depth * 1.25}rem` }}>
                    {u.name} <span className="ec-dir-code">{u.code}</span>
                  </th>
                  <td data-label={text.headcounts.kind}>{text.kinds[u.kind]}</td>
                  <td className="ec-num" data-label={text.headcounts.direct}>
                    {number.format(u.directCount)}
                  </td>
                  <td className="ec-num" data-label={text.headcounts.total}>
                    {number.format(u.totalCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
