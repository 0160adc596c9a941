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
 * the bench): the figures of the scope and of each unit directly below it (drill-down) through
 * AnnualFiguresService.reportFigures, in one snapshot, the charter in force, then the XLSX and the PDF, each in French and in English,
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

    // One time and one snapshot for the scope and every unit below it (AnnualFiguresService.reportFigures).
    const at = now();
    const below = (await this.runs.childrenOf(run.scopeUnitId)).map((u) => ({ id: u.id, code: u.code, name: u.name }));
    const computed = await this.figures.reportFigures(
      run.year,
      run.scopeUnitId,
      below.map((u) => u.id),
      at,
      // 30 once the scope's figures are in, then up to 70 over the units below.
      (done, total) => this.runs.progress(runId, total === 1 ? 30 : 30 + ((done - 1) / (total - 1)) * 40),
    );
    const figures = computed.scope;
    const units: UnitFigures[] = below.map((unit, i) => ({ unit, figures: computed.units[i]! }));
    const charter = (await this.charter.current()).map((c) => ({
      key: c.key,
      title: { fr: c.titleFr, en: c.titleEn },
      indicators: c.indicators,
    }));
    const input: ReportInput = { figures, units, charter, generatedAt: at };

    const keys = {
      xlsxKey: reportStorageKey(runId, 'xlsx'),
      pdfFrKey: reportStorageKey(runId, 'pdf-fr'),
      pdfEnKey: reportStorageKey(runId, 'pdf-en'),
    };
    await this.storage.put(keys.xlsxKey, await renderReportXlsx(buildReportModel(input, 'fr')));
    await this.runs.progress(runId, 75);
    await this.storage.put(reportStorageKey(runId, 'xlsx-en'), await renderReportXlsx(buildReportModel(input, 'en')));
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
