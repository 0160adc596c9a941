import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { getPrioritisationOptions } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { useCommitteeText } from './i18n';

const fmt = (n: number | null) => (n === null ? null : n.toFixed(1));

/**
 * The prioritisation view: the agenda and the other qualified ideas ranked by weighted score, and a
 * value-against-effort scatter plot (recharts). The drawing is hidden from assistive technologies;
 * its summary and the ranked table carry the same figures.
 */
export function Prioritisation({ sessionId }: { sessionId: string }) {
  const s = useCommitteeText();
  const titleId = useId();
  const query = useQuery(getPrioritisationOptions({ path: { id: sessionId } }));
  const items = query.data?.items ?? [];
  const plotted = items
    .filter((i) => i.value !== null && i.effort !== null)
    .map((i) => ({ x: i.effort!, y: i.value!, label: i.rank === null ? '' : String(i.rank), title: i.title }));
  return (
    <Panel title={s.prioritisation.title}>
      <p>{s.prioritisation.lead}</p>
      {query.isSuccess && items.length === 0 ? <p>{s.prioritisation.empty}</p> : null}
      {plotted.length > 0 ? (
        <figure className="ec-committee-scatter" aria-labelledby={titleId}>
          <h3 id={titleId}>{s.prioritisation.chartTitle}</h3>
          <div aria-hidden="true" style={{ width: '100%', height: 320 }}>
            <ResponsiveContainer>
              <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  dataKey="x"
                  name={s.prioritisation.effort}
                  domain={[1, 5]}
                  ticks={[1, 2, 3, 4, 5]}
                  label={{ value: s.prioritisation.effort, position: 'insideBottom', offset: -12 }}
                />
                <YAxis
                  type="number"
                  dataKey="y"
                  name={s.prioritisation.value}
                  domain={[1, 5]}
                  ticks={[1, 2, 3, 4, 5]}
                  label={{ value: s.prioritisation.value, angle: -90, position: 'insideLeft' }}
                />
                <ZAxis range={[90, 90]} />
                <Scatter data={plotted} fill="#1f5f8b" isAnimationActive={false}>
                  <LabelList dataKey="label" position="top" />
                </Scatter>
              </ScatterChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="ec-visually-hidden">{s.prioritisation.chartSummary(plotted.length)}</figcaption>
        </figure>
      ) : null}
      {items.length > 0 ? (
        <div className="ec-table-wrap">
          <table className="ec-table">
            <caption>{s.prioritisation.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.prioritisation.rank}</th>
                <th scope="col">{s.prioritisation.idea}</th>
                <th scope="col">{s.prioritisation.score}</th>
                <th scope="col">{s.prioritisation.value}</th>
                <th scope="col">{s.prioritisation.effort}</th>
                <th scope="col">{s.prioritisation.reviewers}</th>
                <th scope="col">{s.prioritisation.onAgenda}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.ideaId}>
                  <td>{i.rank ?? s.prioritisation.none}</td>
                  <th scope="row">
                    <Link to={`/ideas/${i.ideaId}`}>{i.title}</Link>
                  </th>
                  <td>{fmt(i.weightedScore) ?? s.prioritisation.none}</td>
                  <td>{fmt(i.value) ?? s.prioritisation.none}</td>
                  <td>{fmt(i.effort) ?? s.prioritisation.none}</td>
                  <td>{i.reviewerCount}</td>
                  <td>{i.onAgenda ? s.prioritisation.yes : s.prioritisation.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
