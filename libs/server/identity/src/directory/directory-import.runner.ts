import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FileNotFoundError, FileStorage } from '@eclore/server-platform';
import { AuditService } from '../audit/audit.service';
import type { DirectoryImportRowError, DirectoryImportStatus } from '../entities';
import { readHeader, startLineOf, type Delimiter } from './csv-format';
import {
  DirectoryImportRepository,
  type DirectoryApplyTransaction,
  type ImportRow,
  type ProgressReport,
} from './directory-import.repository';
import { DirectoryImportSource, Rejection, emptyFileRejection } from './directory-import.source';
import { DirectoryValidator, rowError, type PersonRow, type UnitDefinition } from './directory-validator';

/** At most this many problems are stored on the import (error_count keeps the true total). */
export const MAX_STORED_ERRORS = 1000;
const FINAL_STATUSES: readonly DirectoryImportStatus[] = ['completed', 'rejected', 'failed'];

export interface ImportTimings {
  countMs: number;
  validateMs: number;
  applyMs: number;
  totalMs: number;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

export type RunOutcome =
  | { kind: 'skipped'; reason: 'not_found' | 'already_finished' }
  | { kind: 'rejected'; errorCount: number; timings: ImportTimings }
  | { kind: 'failed'; code: string }
  | { kind: 'completed'; counts: ImportCounts; totalRows: number; timings: ImportTimings };

export interface RunnerOptions {
  /** Least time between two progress writes. */
  progressIntervalMs?: number;
  /** The year whose head counts are recomputed (default: the current one). */
  year?: () => number;
  /** Told after each progress write (tests and the benchmark watch the phases with it). */
  onProgress?: (progress: { status: DirectoryImportStatus; processedRows: number; totalRows: number | null }) => void;
}

/** Optional provider of RunnerOptions when the runner is injected (the benchmark passes them to `new`). */
export const DIRECTORY_IMPORT_OPTIONS = Symbol('DIRECTORY_IMPORT_OPTIONS');

interface Validated {
  people: PersonRow[];
  units: Map<string, UnitDefinition>;
}

/**
 * Runs one directory import end to end: count, validate, apply. Used by the worker's
 * `directory.import` job and by the benchmark. Retry-safe: a finished import is left alone, and an
 * import interrupted mid-way starts over (nothing is applied outside the one apply transaction).
 */
@Injectable()
export class DirectoryImportRunner {
  private readonly imports: DirectoryImportRepository;
  private readonly progressIntervalMs: number;
  private readonly year: () => number;
  private readonly onProgress: NonNullable<RunnerOptions['onProgress']>;
  /** Current phase per import being run (one runner may run several imports at once). */
  private readonly phases = new Map<string, { status: DirectoryImportStatus; totalRows: number | null }>();

  constructor(
    dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly audit: AuditService = new AuditService(),
    @Optional() @Inject(DIRECTORY_IMPORT_OPTIONS) options: RunnerOptions = {},
  ) {
    this.imports = new DirectoryImportRepository(dataSource);
    this.progressIntervalMs = options.progressIntervalMs ?? 250;
    this.year = options.year ?? (() => new Date().getFullYear());
    this.onProgress = options.onProgress ?? (() => undefined);
  }

  async run(importId: string): Promise<RunOutcome> {
    const started = performance.now();
    const row = await this.imports.load(importId);
    if (!row) return { kind: 'skipped', reason: 'not_found' };
    if (FINAL_STATUSES.includes(row.status)) return { kind: 'skipped', reason: 'already_finished' };

    const source = new DirectoryImportSource(this.storage, row.storage_key);
    const timings: ImportTimings = { countMs: 0, validateMs: 0, applyMs: 0, totalMs: 0 };
    try {
      let t = performance.now();
      const { delimiter, totalRows } = await source.count();
      timings.countMs = performance.now() - t;
      await this.setStatus(importId, 'validating', { totalRows, processedRows: 0 });

      t = performance.now();
      const validated = await this.validate(row, source, delimiter, totalRows);
      timings.validateMs = performance.now() - t;
      await this.setStatus(importId, 'applying', { processedRows: 0 });

      t = performance.now();
      const outcome = await this.apply(row, validated, totalRows);
      timings.applyMs = performance.now() - t;
      timings.totalMs = performance.now() - started;
      await this.storage.remove(row.storage_key);
      return { ...outcome, timings };
    } catch (err) {
      if (err instanceof Rejection) {
        await this.imports.finishRejected(importId, err.errors, err.errorCount);
        await this.storage.remove(row.storage_key);
        timings.totalMs = performance.now() - started;
        return { kind: 'rejected', errorCount: err.errorCount, timings };
      }
      if (err instanceof FileNotFoundError) {
        await this.markFailed(importId, 'file_missing', 'The uploaded file is no longer in the store.');
        return { kind: 'failed', code: 'file_missing' };
      }
      throw err;
    } finally {
      this.phases.delete(importId);
    }
  }

  /** Records a final failure (called by the job handler once retries are exhausted). */
  async markFailed(importId: string, code: string, message: string): Promise<void> {
    await this.imports.markFailed(importId, { line: 0, field: null, code, message });
  }

  private async setStatus(
    importId: string,
    status: DirectoryImportStatus,
    progress: { totalRows?: number; processedRows: number },
  ): Promise<void> {
    await this.imports.setStatus(importId, status, progress.processedRows, progress.totalRows ?? null);
    const phase = { status, totalRows: progress.totalRows ?? this.phases.get(importId)?.totalRows ?? null };
    this.phases.set(importId, phase);
    this.onProgress({ ...phase, processedRows: progress.processedRows });
  }

  private progress(importId: string): ProgressReport {
    let last = 0;
    return async (processed, force = false) => {
      const now = performance.now();
      if (!force && now - last < this.progressIntervalMs) return;
      last = now;
      await this.imports.setProcessed(importId, processed);
      this.onProgress({ status: 'queued', totalRows: null, ...this.phases.get(importId), processedRows: processed });
    };
  }

  private async validate(
    row: ImportRow,
    source: DirectoryImportSource,
    delimiter: Delimiter,
    totalRows: number,
  ): Promise<Validated> {
    const report = this.progress(row.id);
    let validator: DirectoryValidator | undefined;
    let headerWidth = 0;
    await source.parse(delimiter, async (parsed) => {
      if (!validator) {
        const header = readHeader(parsed.record);
        if (header.problems.length > 0) {
          throw new Rejection(
            header.problems.map((p) =>
              rowError(1, p.column as never, p.code, `Column ${p.column}: ${p.code.replace('_', ' ')}.`),
            ),
          );
        }
        headerWidth = parsed.record.length;
        validator = new DirectoryValidator(header.index);
        return;
      }
      validator.addRow(startLineOf(parsed), parsed.record, headerWidth);
      if (validator.rowCount % 1000 === 0) await report(validator.rowCount);
    });
    if (!validator) throw emptyFileRejection();
    const result = validator.finish(await this.imports.unitParents());
    await report(totalRows, true);
    if (result.errors.length > 0) throw new Rejection(result.errors.slice(0, MAX_STORED_ERRORS), result.errors.length);
    return result;
  }

  private apply(
    row: ImportRow,
    { people, units }: Validated,
    totalRows: number,
  ): Promise<{ kind: 'completed'; counts: ImportCounts; totalRows: number }> {
    return this.imports.inApplyTransaction(async (tx) => {
      // Another run of this import may have finished while this one waited for the lock.
      const status = await tx.lockAndReadStatus(row.id);
      if (!status || FINAL_STATUSES.includes(status)) throw new Error(`directory import ${row.id} finished meanwhile`);

      await tx.stage(people, units.values(), this.progress(row.id));
      await this.checkConflicts(tx, row);
      await tx.applyUnits();
      const applied = await tx.applyPeople();
      if (applied.deactivated.length > 0) {
        await tx.endSessions(applied.deactivated);
        await tx.auditPeople(applied.deactivated, row.started_by, 'person.deactivated', {
          importId: row.id,
          reason: 'absent_from_directory',
        });
      }
      if (applied.reactivated.length > 0) {
        await tx.auditPeople(applied.reactivated, row.started_by, 'person.reactivated', { importId: row.id });
      }
      const year = this.year();
      await tx.recomputeHeadcounts(year);

      const counts: ImportCounts = {
        created: applied.created,
        updated: applied.updated,
        unchanged: people.length - applied.created - applied.updated,
        deactivated: applied.deactivated.length,
      };
      await this.audit.append(tx.manager, {
        actorId: row.started_by,
        action: 'directory.imported',
        subjectType: 'directory_import',
        subjectId: row.id,
        data: {
          ...counts,
          reactivated: applied.reactivated.length,
          rows: totalRows,
          orgUnits: units.size,
          headcountYear: year,
        },
      });
      await tx.finishCompleted(row.id, totalRows, counts);
      return { kind: 'completed' as const, counts, totalRows };
    });
  }

  private async checkConflicts(tx: DirectoryApplyTransaction, row: ImportRow): Promise<void> {
    const errors: DirectoryImportRowError[] = (await tx.emailsTaken(MAX_STORED_ERRORS)).map((r) =>
      rowError(
        r.line,
        'email',
        'email_taken',
        `E-mail ${r.email} belongs to employee ${r.holder}, who is not in the file.`,
      ),
    );
    if (row.started_by && !(await tx.importerInFile(row.started_by))) {
      errors.unshift(
        rowError(
          0,
          null,
          'importer_missing',
          'You are not in this file: importing it would deactivate your own account.',
        ),
      );
    }
    if (errors.length > 0) throw new Rejection(errors);
  }
}
