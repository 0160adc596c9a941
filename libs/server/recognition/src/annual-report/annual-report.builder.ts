import { Injectable } from '@nestjs/common';
import { FileStorage } from '@eclore/server-platform';
import { AnnualFiguresService } from '../report/annual-figures.service';
import type { AnnualFiguresDto } from '../report/report.dto';
import { CharterRepository } from '../charter/charter.repository';
import { AnnualReportRepository } from './annual-report.repository';
import { reportStorageKey } from './download-links';
import { buildReportModel, type ReportInput, type UnitFigures } from './report-model';
import { renderReportPdf } from './report-pdf';
import { renderReportXlsx } from './report-xlsx';

export type AnnualReportOutcome = 'built' | 'already_done' | 'gone';

/**
 * Builds one annual report run (the `recognition.annual_report` job; also callable directly, e.g. by
 * the bench): the figures of the scope through AnnualFiguresService, those of each unit directly
 * below it (drill-down), the charter in force, then the XLSX and the PDF in French and in English,
 * stored under keys derived from the run id. Progress is saved as it goes. A retry after a crash
 * starts again from the figures and overwrites the same three keys: never a second file.
 */
@Injectable()
export class AnnualReportBuilder {
  constructor(
    private readonly runs: AnnualReportRepository,
    private readonly figures: AnnualFiguresService,
    private readonly charter: CharterRepository,
    private readonly storage: FileStorage,
  ) {}

  async run(runId: string, now: () => Date = () => new Date()): Promise<AnnualReportOutcome> {
    const run = await this.runs.find(runId);
    if (!run) return 'gone';
    if (run.status === 'done' || run.status === 'failed') return 'already_done';
    await this.runs.start(runId);

    const figures = await this.figures.figuresForReport(run.year, run.scopeUnitId, now());
    await this.runs.progress(runId, 30);
    const below = (await this.runs.childrenOf(run.scopeUnitId)).map((u) => ({ id: u.id, code: u.code, name: u.name }));
    const units: UnitFigures[] = [];
    for (const [i, unit] of below.entries()) {
      units.push({
        unit,
        figures: await this.figures.figuresForReport(run.year, unit.id, now(), { withPreviousYear: false }),
      });
      await this.runs.progress(runId, 30 + ((i + 1) / below.length) * 40);
    }
    const charter = (await this.charter.current()).map((c) => ({
      key: c.key,
      title: { fr: c.titleFr, en: c.titleEn },
      indicators: c.indicators,
    }));
    const input: ReportInput = { figures, units, charter, generatedAt: now() };

    const keys = {
      xlsxKey: reportStorageKey(runId, 'xlsx'),
      pdfFrKey: reportStorageKey(runId, 'pdf-fr'),
      pdfEnKey: reportStorageKey(runId, 'pdf-en'),
    };
    await this.storage.put(keys.xlsxKey, await renderReportXlsx(buildReportModel(input, 'fr')));
    await this.runs.progress(runId, 80);
    await this.storage.put(keys.pdfFrKey, await renderReportPdf(buildReportModel(input, 'fr')));
    await this.runs.progress(runId, 90);
    await this.storage.put(keys.pdfEnKey, await renderReportPdf(buildReportModel(input, 'en')));
    await this.runs.finish(runId, { figures: storedFigures(figures, units), ...keys });
    return 'built';
  }

  /** The last attempt failed: the run stops being "running" (so a new request can start one). */
  async markFailed(runId: string, error: unknown): Promise<void> {
    await this.runs.fail(runId, error instanceof Error ? error.message : String(error));
  }
}

/** What the run keeps: the scope's figures and its units' (the API answers them with the run). */
function storedFigures(figures: AnnualFiguresDto, units: UnitFigures[]): object {
  return { ...figures, units: units.map((u) => ({ unit: u.unit, figures: u.figures })) };
}
