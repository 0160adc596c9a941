import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from '@eclore/web-ui';

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

/**
 * A chart with its table alternative: horizontal bars (recharts, loaded with the first chart drawn,
 * through the UI library's lazy parts), hidden from assistive technologies; the same numbers in a
 * sentence (the figure's caption) and as a table in a details element. A withheld value is left out
 * of the drawing (the table says it is withheld): a bar of 0 would be a fabricated figure. `table`
 * null: the table is shown beside the chart already (the participation table, the drill-down's).
 */
export function FigureChart({
  title,
  summary,
  data,
  series,
  tableLabel,
  table,
  labelWidth = 150,
}: {
  title: string;
  summary: string;
  data: readonly Record<string, string | number | null>[];
  series: readonly ChartSeries[];
  tableLabel: string;
  table: ReactNode | null;
  labelWidth?: number;
}) {
  const titleId = useId();
  const rows = data.length * Math.max(1, series.length);
  return (
    <figure className="ec-figures-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="ec-figures-chart__title">
        {title}
        <span className="ec-visually-hidden"> {summary}</span>
      </figcaption>
      {data.length > 0 ? (
        <div aria-hidden="true" className="ec-figures-chart__drawing" style={{ height: 56 + rows * 26 }}>
          <ResponsiveContainer>
            <BarChart data={[...data]} layout="vertical" margin={{ left: 4, right: 40 }} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="label" width={labelWidth} interval={0} />
              {series.length > 1 ? <Legend /> : null}
              {series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  fill={s.color}
                  isAnimationActive={false}
                  label={{ position: 'right' }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      {table === null ? null : (
        <details className="ec-figures-chart__table" data-testid="chart-table">
          <summary>{tableLabel}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
