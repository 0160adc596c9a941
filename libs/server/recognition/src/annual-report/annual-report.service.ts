import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Conflict, Forbidden, NotFound, ValidationFailed, can, type Actor } from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import { FileNotFoundError, FileStorage, OutboxService } from '@eclore/server-platform';
import type { AnnualReportRun } from '../entities';
import type { AnnualFiguresDto } from '../report/report.dto';
import { FIRST_REPORT_YEAR } from '../report/report.dto';
import type { AnnualReportRunDto, UnitFiguresDto } from './annual-report.dto';
import { AnnualReportRepository, type UnitRow } from './annual-report.repository';
import {
  REPORT_FILE_TYPES,
  checkLink,
  reportFileSuffix,
  reportStorageKey,
  signLink,
  type ReportFileKind,
} from './download-links';

export interface ReportFile {
  fileName: string;
  contentType: string;
  sizeBytes: number | null;
  stream: Readable;
}

/**
 * The annual report's runs (docs/recognition.md §5, "The report"): a request per (year, scope) at a
 * time — asking again while one is queued or running answers that one —, its progress, and its files
 * through short-lived signed links. Who: the policy's `annual_report.read` for the run's scope.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly runs: AnnualReportRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly storage: FileStorage,
  ) {}

  async request(
    actor: Actor,
    year: number,
    orgUnitId: string | null,
    requestId: string | null,
    now = new Date(),
  ): Promise<{ run: AnnualReportRunDto; created: boolean }> {
    this.access.assert(actor, 'annual_report.read');
    if (year < FIRST_REPORT_YEAR || year > now.getUTCFullYear()) {
      throw new ValidationFailed([
        { field: 'year', code: 'out_of_range', message: `year is from ${FIRST_REPORT_YEAR} to the current year.` },
      ]);
    }
    const outcome = await this.runs.transaction(async (m) => {
      const unit = orgUnitId === null ? null : await this.runs.unit(orgUnitId, m);
      if (orgUnitId !== null && unit === null) {
        throw new ValidationFailed([{ field: 'orgUnitId', code: 'unknown', message: 'No such org unit.' }]);
      }
      this.access.assert(actor, 'annual_report.read', { target: { orgUnitPath: unit?.path ?? [] } });
      const got = await this.runs.insertOrActive(year, orgUnitId, actor.personId, m);
      if (got.created) {
        await this.outbox.append(m, 'recognition.annual_report', { runId: got.run.id });
        await this.audit.append(m, {
          actorId: actor.personId,
          action: 'annual_report.requested',
          subjectType: 'annual_report_run',
          subjectId: got.run.id,
          data: { year, orgUnitId },
          requestId,
        });
      }
      return got;
    });
    return { run: await this.present(outcome.run, now), created: outcome.created };
  }

  async get(actor: Actor, runId: string, now = new Date()): Promise<AnnualReportRunDto> {
    this.access.assert(actor, 'annual_report.read');
    const run = await this.runs.find(runId);
    if (!run) throw new NotFound('annual_report_run', runId);
    const unit = run.scopeUnitId ? await this.runs.unit(run.scopeUnitId) : null;
    this.access.assert(actor, 'annual_report.read', { target: { orgUnitPath: unit?.path ?? [] } });
    return this.present(run, now, unit);
  }

  /** The 20 most recent runs of the scopes the reader may see, newest first (figures left out). */
  async list(actor: Actor, now = new Date()): Promise<AnnualReportRunDto[]> {
    this.access.assert(actor, 'annual_report.read');
    const runs = await this.runs.recent(100);
    const units = new Map(
      (await this.runs.units([...new Set(runs.flatMap((r) => (r.scopeUnitId ? [r.scopeUnitId] : [])))])).map((u) => [
        u.id,
        u,
      ]),
    );
    const visible = runs.filter((r) =>
      can(actor, 'annual_report.read', {
        target: { orgUnitPath: r.scopeUnitId ? (units.get(r.scopeUnitId)?.path ?? []) : [] },
      }),
    );
    return Promise.all(
      visible.slice(0, 20).map(async (r) => ({
        ...(await this.present(r, now, r.scopeUnitId ? (units.get(r.scopeUnitId) ?? null) : null)),
        figures: null,
        units: [],
      })),
    );
  }

  /** A file through its signed link: the link is the authority (no session is read). */
  async download(
    runId: string,
    kind: ReportFileKind,
    expires: number,
    signature: string,
    now = new Date(),
  ): Promise<ReportFile> {
    const check = checkLink(await this.runs.linkSecret(runId), runId, kind, expires, signature, now);
    if (check === 'invalid') throw new Forbidden('download_link_invalid', 'This download link is not valid.');
    if (check === 'expired') {
      throw new Forbidden(
        'download_link_expired',
        'This download link has expired: open the report again for a new one.',
      );
    }
    const run = await this.runs.find(runId);
    if (!run || run.status !== 'done') throw new Conflict('annual_report_not_ready', 'This report is not ready.');
    const key = reportStorageKey(runId, kind);
    const stream = await this.storage.openRead(key).catch((err: unknown) => {
      // The store lost the file (a wiped volume): ask for the report again rather than a 500.
      if (err instanceof FileNotFoundError) {
        throw new Conflict('annual_report_not_ready', 'This report’s files are gone: prepare it again.');
      }
      throw err;
    });
    const scope = run.scopeUnitId ? ((await this.runs.unit(run.scopeUnitId))?.code ?? 'unit') : 'organisation';
    const safeScope = scope.replace(/[^A-Za-z0-9_-]/g, '-');
    return {
      fileName: `eclore-annual-report-${run.year}-${safeScope}${reportFileSuffix(kind)}`,
      contentType: REPORT_FILE_TYPES[kind],
      sizeBytes: await this.storage.size(key),
      stream,
    };
  }

  private async present(run: AnnualReportRun, now: Date, known?: UnitRow | null): Promise<AnnualReportRunDto> {
    const unit = known !== undefined ? known : run.scopeUnitId ? await this.runs.unit(run.scopeUnitId) : null;
    const stored = run.figures as (AnnualFiguresDto & { units?: UnitFiguresDto[] }) | null;
    const { units, ...figures } = stored ?? { units: [] };
    let downloads: AnnualReportRunDto['downloads'] = null;
    if (run.status === 'done') {
      const secret = await this.runs.linkSecret(run.id);
      if (secret) {
        const link = (kind: ReportFileKind) => signLink(secret, run.id, kind, now);
        const xlsx = link('xlsx');
        downloads = {
          pdfFr: link('pdf-fr').url,
          pdfEn: link('pdf-en').url,
          xlsx: xlsx.url,
          xlsxEn: link('xlsx-en').url,
          expiresAt: new Date(xlsx.expires * 1000).toISOString(),
        };
      }
    }
    return {
      id: run.id,
      year: run.year,
      scope: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
      status: run.status,
      progress: run.progress,
      requestedAt: run.requestedAt.toISOString(),
      startedAt: run.startedAt ? run.startedAt.toISOString() : null,
      finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
      figures: stored ? (figures as AnnualFiguresDto) : null,
      units: units ?? [],
      downloads,
    };
  }
}
