import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from '@eclore/web-ui';

/**
 * Horizontal bars for a few numbers, with a visible caption and a text alternative. Unlike
 * BarChartFigure it adds no heading, so it sits at any depth of a page's outline (an indicator under
 * its project on the idea page, a group on the Impact page).
 */
export function ImpactChart({
  title,
  summary,
  data,
  valueName,
}: {
  title: string;
  summary: string;
  data: readonly { label: string; value: number }[];
  valueName: string;
}) {
  return (
    <figure className="ec-impact-chart">
      <figcaption>
        {title}
        <span className="ec-visually-hidden"> {summary}</span>
      </figcaption>
      <div aria-hidden="true" style={{ width: '100%', height: 40 + data.length * 32 }}>
        <ResponsiveContainer>
          <BarChart data={[...data]} layout="vertical" margin={{ left: 8, right: 48 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" />
            <YAxis type="category" dataKey="label" width={110} interval={0} />
            <Bar
              dataKey="value"
              name={valueName}
              fill="var(--ec-color-chart-1)"
              isAnimationActive={false}
              label={{ position: 'right' }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
