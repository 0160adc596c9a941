import type { DashboardText } from './i18n';

/**
 * How a figure reads on the dashboard (docs/recognition.md §5–§6). The API answers null both for a
 * withheld figure and for one without data; the caller says which (a count of people is null only
 * when withheld; a rate or a median is "no data" when its denominator is 0, else withheld). Never 0.
 */
export interface Formatter {
  count: (v: number | null) => string;
  number: (v: number | null, digits?: number) => string;
  percent: (v: number | null, noData: boolean) => string;
  days: (v: number | null, noData: boolean) => string;
  signed: (v: number | null, digits?: number) => string;
}

export function formatter(t: DashboardText, locale: 'fr' | 'en'): Formatter {
  const fmt = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const whole = fmt(0);
  const oneDecimal = fmt(1);
  const empty = (noData: boolean) => (noData ? t.noData : t.withheld);
  return {
    count: (v) => (v === null ? t.withheld : whole.format(v)),
    number: (v, digits = 0) => (v === null ? t.noData : fmt(digits).format(v)),
    percent: (v, noData) => (v === null ? empty(noData) : t.percent(oneDecimal.format(v))),
    days: (v, noData) => (v === null ? empty(noData) : t.days(oneDecimal.format(v))),
    signed: (v, digits = 0) =>
      v === null ? t.noData : `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(digits).format(Math.abs(v))}`,
  };
}
