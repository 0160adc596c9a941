import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from './charts';

export interface BarChartFigureProps {
  /** The figure's heading (h2) and accessible name. */
  title: string;
  /** The same numbers as a sentence: the text alternative of the drawing. */
  summary: string;
  data: readonly { label: string; value: number }[];
  /** What the values count (the bar series' name). */
  valueName: string;
  color?: string;
  /** Room for the category labels, in pixels. */
  labelWidth?: number;
  className?: string;
}

/**
 * Horizontal bars for numbers people compare (recharts, loaded with the first chart drawn). The drawing is hidden from assistive
 * technologies (its keyboard layer is off, so nothing hidden is focusable); the summary says the
 * same numbers as text.
 */
export function BarChartFigure({
  title,
  summary,
  data,
  valueName,
  color = 'var(--ec-color-chart-1)',
  labelWidth = 190,
  className,
}: BarChartFigureProps) {
  const titleId = useId();
  return (
    <figure className={['ec-bar-chart', className].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <h2 id={titleId} className="ec-bar-chart__title">
        {title}
      </h2>
      <div aria-hidden="true" style={{ width: '100%', height: 40 + data.length * 28 }}>
        <ResponsiveContainer>
          <BarChart data={[...data]} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={labelWidth} interval={0} />
            <Bar
              dataKey="value"
              name={valueName}
              fill={color}
              isAnimationActive={false}
              label={{ position: 'right' }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="ec-visually-hidden">{summary}</figcaption>
    </figure>
  );
}
