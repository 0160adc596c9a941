import {
  FUNNEL_LABELS,
  IMPACT_CATEGORY_LABELS,
  RECOGNITION_LABELS,
  YEAR_ON_YEAR_LABELS,
  type Locale,
  type ReportFigure,
} from '@eclore/domain';
import type { AnnualFiguresDto, OrgUnitRefLike } from './report-input';
import { REPORT_TEXT, figureLabel, formatNumber } from './report-text';

/**
 * The annual report as a document, independent of its format: sections (the key figures, one per
 * charter commitment, the units below the scope, the year on year), each with tables and the bar
 * charts to draw. The PDF writer and the XLSX writer render this same model, so the two files say
 * the same thing.
 */
export type Cell = string | number | null;

export interface ReportChart {
  /** Column of the bar labels and the one (or two: previous and current) of the values. */
  labelColumn: number;
  valueColumns: number[];
}

export interface ReportTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  chart?: ReportChart;
  note?: string;
  /** Numbers shown with exactly this many decimals (an amount of money: 2). */
  decimals?: number;
}

export interface ReportSection {
  key: string;
  title: string;
  tables: ReportTable[];
}

export interface ReportModel {
  locale: Locale;
  title: string;
  lines: string[];
  empty: boolean;
  notes: string[];
  sections: ReportSection[];
}

export interface CommitmentForReport {
  key: string;
  title: Readonly<Record<Locale, string>>;
  indicators: readonly string[];
}

export interface UnitFigures {
  unit: OrgUnitRefLike;
  figures: AnnualFiguresDto;
}

export interface ReportInput {
  figures: AnnualFiguresDto;
  units: UnitFigures[];
  charter: CommitmentForReport[];
  generatedAt: Date;
}

const t = (key: keyof typeof REPORT_TEXT, locale: Locale) => REPORT_TEXT[key][locale];

/** A people count: null is a withheld cell. */
const people = (v: number | null, locale: Locale): Cell => (v === null ? REPORT_TEXT.suppressed[locale] : v);
/** A rate or figure: null is "no data" (or withheld), shown "—". */
const figure = (v: number | null): Cell => (v === null ? REPORT_TEXT.noData.fr : v);

export function isEmptyYear(f: AnnualFiguresDto): boolean {
  return (
    f.ideasSubmitted === 0 &&
    (f.contributors ?? 0) === 0 &&
    f.experiments.total === 0 &&
    f.implementedIdeas === 0 &&
    f.replications === 0 &&
    (f.peopleRecognised.total ?? 0) === 0 &&
    f.impact.length === 0
  );
}

export function buildReportModel(input: ReportInput, locale: Locale): ReportModel {
  const f = input.figures;
  const day = (iso: string) => iso.slice(0, 10);
  const lines = [
    `${t('scope', locale)} : ${f.scope ? `${f.scope.name} (${f.scope.code})` : t('wholeOrganisation', locale)}`,
    `${t('period', locale)} : ${day(f.period.from)} → ${day(f.period.cutoff)}${f.period.complete ? '' : ` (${t('periodOpen', locale)})`}`,
    `${t('generated', locale)} ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ].map((l) => (locale === 'en' ? l.replace(' : ', ': ') : l));
  const empty = isEmptyYear(f);
  const sections: ReportSection[] = [summarySection(f, locale)];
  for (const c of input.charter) {
    sections.push({
      key: c.key,
      title: c.title[locale],
      tables: c.indicators.flatMap((i) => indicatorTables(i, f, locale)),
    });
  }
  if (input.units.length > 0) sections.push(unitsSection(f, input.units, locale));
  sections.push(yearOnYearSection(f, locale));
  return {
    locale,
    title: `${t('title', locale)} ${f.year}`,
    lines,
    empty,
    notes: [...(empty ? [t('emptyYear', locale)] : []), t('suppressionNote', locale)],
    sections,
  };
}

function summarySection(f: AnnualFiguresDto, locale: Locale): ReportSection {
  return {
    key: 'summary',
    title: t('summary', locale),
    tables: [
      {
        title: t('summary', locale),
        columns: [t('figure', locale), t('value', locale)],
        rows: [
          [t('headcount', locale), people(f.headcount, locale)],
          [t('contributors', locale), people(f.contributors, locale)],
          [figureLabel('participation_rate', locale) + ' (%)', figure(f.participationRate)],
          [t('ideasSubmitted', locale), f.ideasSubmitted],
          [figureLabel('ideas_per_100_staff', locale), figure(f.ideasPer100Staff)],
          [figureLabel('implemented_ideas', locale), f.implementedIdeas],
          [figureLabel('replications', locale), f.replications],
          [figureLabel('people_recognised', locale), people(f.peopleRecognised.total, locale)],
        ],
      },
    ],
  };
}

function single(figureKey: ReportFigure, value: Cell, locale: Locale, note?: string): ReportTable {
  return {
    title: figureLabel(figureKey, locale),
    columns: [t('figure', locale), t('value', locale)],
    rows: [[figureLabel(figureKey, locale), value]],
    ...(note ? { note } : {}),
  };
}

function input(f: AnnualFiguresDto, key: ReportFigure, locale: Locale): ReportTable {
  const inputs = f.charterInputs;
  const raw =
    inputs === null
      ? null
      : key === 'people_trained'
        ? inputs.peopleTrained
        : key === 'communication_actions'
          ? inputs.communicationActions
          : key === 'celebrations_held'
            ? inputs.celebrationsHeld
            : inputs.budget === null
              ? null
              : Number(inputs.budget);
  // The inputs are the organisation's: a unit's report names where to find them rather than "not entered".
  if (f.scope !== null) return single(key, REPORT_TEXT.noData[locale], locale, t('inputsOrgOnly', locale));
  const table = single(key, raw ?? t('notEntered', locale), locale, t('inputsNote', locale));
  return key === 'budget' ? { ...table, decimals: 2 } : table;
}

/** A figure's tables in a charter commitment's section. */
type IndicatorTables = (f: AnnualFiguresDto, locale: Locale) => ReportTable[];

const timing =
  (key: 'time_to_first_answer' | 'time_to_decision'): IndicatorTables =>
  (f, locale) => {
    const d = key === 'time_to_first_answer' ? f.timeToFirstAnswer : f.timeToDecision;
    return [
      {
        title: figureLabel(key, locale),
        columns: [t('answered', locale), t('median', locale), t('p90', locale)],
        rows: [[d.count, figure(d.medianDays), figure(d.p90Days)]],
      },
    ];
  };

const charterInput =
  (key: 'people_trained' | 'communication_actions' | 'celebrations_held' | 'budget'): IndicatorTables =>
  (f, locale) => [input(f, key, locale)];

/** Every report figure has its tables: a figure added to REPORT_FIGURES does not compile until it has. */
const INDICATOR_TABLES: Readonly<Record<ReportFigure, IndicatorTables>> = {
  participation_rate: (f, locale) => [
    {
      title: figureLabel('participation_rate', locale),
      columns: [t('figure', locale), t('value', locale)],
      rows: [
        [t('headcount', locale), people(f.headcount, locale)],
        [t('contributors', locale), people(f.contributors, locale)],
        [`${figureLabel('participation_rate', locale)} (%)`, figure(f.participationRate)],
      ],
    },
    {
      title: `${figureLabel('participation_rate', locale)} — ${t('byUnit', locale)}`,
      columns: [t('unit', locale), t('headcount', locale), t('contributors', locale), t('rate', locale)],
      rows: f.participationByUnit.map((r) => [
        r.unit ? `${r.unit.name} (${r.unit.code})` : t('withoutUnit', locale),
        people(r.headcount, locale),
        people(r.contributors, locale),
        figure(r.participationRate),
      ]),
      chart: { labelColumn: 0, valueColumns: [3] },
    },
  ],
  ideas_per_100_staff: (f, locale) => [
    {
      title: figureLabel('ideas_per_100_staff', locale),
      columns: [t('figure', locale), t('value', locale)],
      rows: [
        [t('ideasSubmitted', locale), f.ideasSubmitted],
        [figureLabel('ideas_per_100_staff', locale), figure(f.ideasPer100Staff)],
      ],
    },
  ],
  funnel: (f, locale) => [
    {
      title: figureLabel('funnel', locale),
      columns: [figureLabel('funnel', locale), t('count', locale), t('conversion', locale), t('ofSubmitted', locale)],
      rows: f.funnel.map((r) => [FUNNEL_LABELS[r.step][locale], r.count, figure(r.conversion), figure(r.ofSubmitted)]),
      chart: { labelColumn: 0, valueColumns: [1] },
    },
  ],
  time_to_first_answer: timing('time_to_first_answer'),
  time_to_decision: timing('time_to_decision'),
  answered_within_guarantee: (f, locale) => {
    const g = f.answeredWithinGuarantee;
    return [
      {
        title: figureLabel('answered_within_guarantee', locale),
        columns: [t('guaranteeDays', locale), t('judged', locale), t('within', locale), t('percent', locale)],
        rows: [[g.guaranteeDays, g.judged, g.within, figure(g.percent)]],
      },
    ];
  },
  experiments: (f, locale) => [
    {
      title: figureLabel('experiments', locale),
      columns: [t('experiments', locale), t('count', locale)],
      rows: [
        [t('running', locale), f.experiments.running],
        [t('validated', locale), f.experiments.validated],
        [t('stopped', locale), f.experiments.stopped],
        [t('total', locale), f.experiments.total],
      ],
      chart: { labelColumn: 0, valueColumns: [1] },
    },
  ],
  implemented_ideas: (f, locale) => [single('implemented_ideas', f.implementedIdeas, locale)],
  replications: (f, locale) => [single('replications', f.replications, locale)],
  impact_projected_vs_actual: (f, locale) => [
    {
      title: figureLabel('impact_projected_vs_actual', locale),
      columns: [t('category', locale), t('unitOfMeasure', locale), t('projected', locale), t('actual', locale)],
      rows: f.impact.map((i) => [
        IMPACT_CATEGORY_LABELS[i.category]?.[locale] ?? i.category,
        i.unit,
        i.projected,
        i.actual,
      ]),
      chart: { labelColumn: 0, valueColumns: [2, 3] },
      ...(f.impact.length === 0 ? { note: t('noImpact', locale) } : {}),
    },
  ],
  people_recognised: (f, locale) => [
    {
      title: figureLabel('people_recognised', locale),
      columns: [t('form', locale), t('people', locale)],
      rows: [
        ...f.peopleRecognised.byForm.map((r) => [RECOGNITION_LABELS[locale].forms[r.form], people(r.people, locale)]),
        [t('total', locale), people(f.peopleRecognised.total, locale)],
      ],
      chart: { labelColumn: 0, valueColumns: [1] },
    },
  ],
  people_trained: charterInput('people_trained'),
  communication_actions: charterInput('communication_actions'),
  celebrations_held: charterInput('celebrations_held'),
  budget: charterInput('budget'),
};

/** A charter's indicator that is not a report figure (a key the report does not know) has no table. */
function indicatorTables(key: string, f: AnnualFiguresDto, locale: Locale): ReportTable[] {
  return Object.hasOwn(INDICATOR_TABLES, key) ? INDICATOR_TABLES[key as ReportFigure](f, locale) : [];
}

function unitsSection(f: AnnualFiguresDto, units: UnitFigures[], locale: Locale): ReportSection {
  const rateOf = (id: string) => f.participationByUnit.find((r) => r.unit?.id === id)?.participationRate ?? null;
  return {
    key: 'units',
    title: t('byUnit', locale),
    tables: [
      {
        title: t('byUnit', locale),
        columns: [
          t('unit', locale),
          t('rate', locale),
          t('ideasSubmitted', locale),
          t('implemented', locale),
          t('experiments', locale),
          t('replications', locale),
        ],
        rows: units.map((u) => [
          `${u.unit.name} (${u.unit.code})`,
          figure(rateOf(u.unit.id)),
          u.figures.ideasSubmitted,
          u.figures.implementedIdeas,
          u.figures.experiments.total,
          u.figures.replications,
        ]),
        chart: { labelColumn: 0, valueColumns: [2] },
      },
    ],
  };
}

function yearOnYearSection(f: AnnualFiguresDto, locale: Locale): ReportSection {
  return {
    key: 'year_on_year',
    title: t('yearOnYear', locale),
    tables: [
      {
        title: `${t('yearOnYear', locale)} ${f.year - 1} → ${f.year}`,
        columns: [
          t('figure', locale),
          `${t('previous', locale)} (${f.year - 1})`,
          `${t('current', locale)} ${f.year}`,
          t('change', locale),
          t('changePercent', locale),
        ],
        rows: f.yearOnYear.map((y) => [
          YEAR_ON_YEAR_LABELS[y.figure][locale] +
            (y.figure === 'participation_rate' ? ` (${t('points', locale)})` : ''),
          figure(y.previous),
          figure(y.current),
          figure(y.change),
          figure(y.changePercent),
        ]),
        chart: { labelColumn: 0, valueColumns: [1, 2] },
      },
    ],
  };
}

export { formatNumber };
