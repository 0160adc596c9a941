import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
  ZAxis,
} from '@eclore/web-ui';
import { getPrioritisationOptions } from '@eclore/api-client';
import { DataTable, Panel } from '@eclore/web-ui';
import { useCommitteeText } from './i18n';

const fmt = (n: number | null) => (n === null ? null : n.toFixed(1));

/** Both axes are scores from 1 to 5 (effort across, value up). */
const SCORE_AXIS = { type: 'number', domain: [1, 5], ticks: [1, 2, 3, 4, 5] } as const;

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
                  {...SCORE_AXIS}
                  dataKey="x"
                  name={s.prioritisation.effort}
                  label={{ value: s.prioritisation.effort, position: 'insideBottom', offset: -12 }}
                />
                <YAxis
                  {...SCORE_AXIS}
                  dataKey="y"
                  name={s.prioritisation.value}
                  label={{ value: s.prioritisation.value, angle: -90, position: 'insideLeft' }}
                />
                <ZAxis range={[90, 90]} />
                <Scatter data={plotted} fill="var(--ec-color-chart-1)" isAnimationActive={false}>
                  <LabelList dataKey="label" position="top" />
                </Scatter>
              </ScatterChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="ec-visually-hidden">{s.prioritisation.chartSummary(plotted.length)}</figcaption>
        </figure>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          narrow="list"
          caption={s.prioritisation.caption}
          rows={items}
          rowKey={(i) => i.ideaId}
          columns={[
            { key: 'rank', header: s.prioritisation.rank, cell: (i) => i.rank ?? s.prioritisation.none },
            {
              key: 'idea',
              header: s.prioritisation.idea,
              rowHeader: true,
              cell: (i) => <Link to={`/ideas/${i.ideaId}`}>{i.title}</Link>,
            },
            {
              key: 'score',
              header: s.prioritisation.score,
              cell: (i) => fmt(i.weightedScore) ?? s.prioritisation.none,
            },
            { key: 'value', header: s.prioritisation.value, cell: (i) => fmt(i.value) ?? s.prioritisation.none },
            { key: 'effort', header: s.prioritisation.effort, cell: (i) => fmt(i.effort) ?? s.prioritisation.none },
            { key: 'reviewers', header: s.prioritisation.reviewers, cell: (i) => i.reviewerCount },
            {
              key: 'onAgenda',
              header: s.prioritisation.onAgenda,
              cell: (i) => (i.onAgenda ? s.prioritisation.yes : s.prioritisation.no),
            },
          ]}
        />
      ) : null}
    </Panel>
  );
}
