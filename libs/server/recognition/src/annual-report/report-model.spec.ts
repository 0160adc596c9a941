import ExcelJS from 'exceljs';
import { DEFAULT_CHARTER, FUNNEL_STEPS, RECOGNITION_FORMS, REPORT_FIGURES, REPORT_FIGURE_LABELS } from '@eclore/domain';
import type { AnnualFiguresDto } from '../report/report.dto';
import { buildReportModel, isEmptyYear, type ReportInput } from './report-model';
import { renderReportXlsx } from './report-xlsx';

function figures(over: Partial<AnnualFiguresDto> = {}): AnnualFiguresDto {
  return {
    year: 2025,
    scope: null,
    period: { from: '2025-01-01T00:00:00.000Z', cutoff: '2026-01-01T00:00:00.000Z', complete: true },
    headcount: 0,
    contributors: 0,
    participationRate: null,
    participationByUnit: [],
    ideasSubmitted: 0,
    ideasPer100Staff: null,
    funnel: FUNNEL_STEPS.map((step) => ({ step, count: 0, conversion: null, ofSubmitted: null })),
    timeToFirstAnswer: { count: 0, medianDays: null, p90Days: null },
    timeToDecision: { count: 0, medianDays: null, p90Days: null },
    answeredWithinGuarantee: { guaranteeDays: 30, judged: 0, within: 0, percent: null },
    experiments: { running: 0, validated: 0, stopped: 0, total: 0 },
    implementedIdeas: 0,
    impact: [],
    replications: 0,
    peopleRecognised: { byForm: RECOGNITION_FORMS.map((form) => ({ form, people: 0 })), total: 0 },
    charterInputs: null,
    yearOnYear: [],
    ...over,
  };
}

const charter = DEFAULT_CHARTER.map((c) => ({ key: c.key, title: c.title, indicators: c.indicators }));
const input = (f: AnnualFiguresDto, over: Partial<ReportInput> = {}): ReportInput => ({
  figures: f,
  units: [],
  charter,
  generatedAt: new Date('2026-01-02T08:00:00Z'),
  ...over,
});

describe('the annual report model', () => {
  it('follows the charter in force: its order, its titles in the language, a commitment added, one retired', () => {
    const custom = [
      charter[6]!,
      { key: 'open_data', title: { fr: 'Ouvrir les données', en: 'Open the data' }, indicators: ['replications'] },
      charter[0]!,
    ];
    const model = buildReportModel(input(figures(), { charter: custom }), 'en');
    expect(model.sections.map((s) => s.title)).toEqual([
      'Key figures',
      'Celebrate',
      'Open the data',
      'Train',
      'Year on year',
    ]);
    expect(model.sections[2]!.tables[0]!.rows).toEqual([['Replications', 0]]);
  });

  it('gives every report figure its tables, titled by the figure, and none to an indicator it does not know', () => {
    const section = (indicators: string[]) =>
      buildReportModel(input(figures(), { charter: [{ key: 'k', title: { fr: 'K', en: 'K' }, indicators }] }), 'en')
        .sections[1]!;
    for (const key of REPORT_FIGURES) {
      const tables = section([key]).tables;
      expect(tables.length).toBeGreaterThan(0);
      expect(tables[0]!.title).toBe(REPORT_FIGURE_LABELS[key].en);
    }
    expect(section(['not_a_figure', 'constructor', 'toString']).tables).toEqual([]);
  });

  it('says a year without data is empty, and shows no data as "—", never 0 %', () => {
    const model = buildReportModel(input(figures()), 'fr');
    expect(isEmptyYear(figures())).toBe(true);
    expect(model.empty).toBe(true);
    expect(model.notes[0]).toContain('Aucune activité enregistrée');
    const summary = model.sections[0]!.tables[0]!.rows;
    expect(summary.find((r) => r[0] === 'Taux de participation (%)')![1]).toBe('—');
    expect(isEmptyYear(figures({ ideasSubmitted: 1 }))).toBe(false);
  });

  it('shows a withheld count as withheld (never "< 5": it may protect another) and HR inputs not entered as such', () => {
    const f = figures({
      headcount: null,
      contributors: null,
      charterInputs: { peopleTrained: 12, communicationActions: null, celebrationsHeld: null, budget: '1500.00' },
    });
    const model = buildReportModel(input(f), 'en');
    const summary = model.sections[0]!.tables[0]!.rows;
    expect(summary.slice(0, 2)).toEqual([
      ['Headcount', 'withheld'],
      ['Contributors', 'withheld'],
    ]);
    const train = model.sections.find((s) => s.key === 'train')!.tables[0]!.rows;
    expect(train).toEqual([['People trained', 12]]);
    const communicate = model.sections.find((s) => s.key === 'communicate')!.tables[0]!.rows;
    expect(communicate).toEqual([['Communication actions', 'not entered']]);
    const practise = model.sections.find((s) => s.key === 'practise')!;
    expect(practise.tables.find((t) => t.title === 'Budget')!.rows).toEqual([['Budget', 1500]]);
  });

  it('sends a unit’s reader to the organisation’s report for HR’s inputs', () => {
    const f = figures({ scope: { id: 'u1', code: 'DS', name: 'Direction des soins' } });
    const train = buildReportModel(input(f), 'en').sections.find((s) => s.key === 'train')!.tables[0]!;
    expect(train.rows).toEqual([['People trained', '—']]);
    expect(train.note).toContain('whole organisation');
  });

  it('writes the XLSX with one sheet per section, numbers as numbers and formula-like text neutralised', async () => {
    const unit = { id: 'u1', code: '@SUM', name: '=1+1' };
    const f = figures({
      ideasSubmitted: 3,
      participationByUnit: [{ unit, headcount: 10, contributors: 5, participationRate: 50 }],
    });
    const model = buildReportModel(input(f, { units: [{ unit, figures: figures({ ideasSubmitted: 3 }) }] }), 'fr');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReportXlsx(model)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Bilan', ...model.sections.map((s) => s.title.slice(0, 28))]);
    const values = book.worksheets.flatMap((s) => s.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : [])));
    expect(values).toContain("'=1+1 (@SUM)");
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
    const summary = book.getWorksheet('Chiffres clés')!;
    const row = summary.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Idées déposées') as unknown[];
    expect(row[2]).toBe(3);
  });
});
