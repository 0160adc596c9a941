import { BarChartFigure } from '@eclore/web-ui';
import { usePortfolioText } from './i18n';

export interface StageCount {
  label: string;
  count: number;
}

/** Counts per stage as a bar chart; the numbers are also in the figure's text and each column's heading. */
export function StageChart({ counts }: { counts: readonly StageCount[] }) {
  const s = usePortfolioText();
  return (
    <BarChartFigure
      title={s.chart.title}
      summary={s.chart.summary(counts.map((c) => `${c.label} ${c.count}`).join(', '))}
      data={counts.map((c) => ({ label: c.label, value: c.count }))}
      valueName={s.chart.axis}
    />
  );
}
