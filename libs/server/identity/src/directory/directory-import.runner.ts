import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { FileNotFoundError, type FileStorage } from '@eclore/server-platform';
import { AuditService } from '../audit/audit.service';
import type { DirectoryImportRowError, DirectoryImportStatus } from '../entities';
import {
  createDirectoryParser,
  detectDelimiter,
  firstLineOf,
  readHeader,
  startLineOf,
  type Delimiter,
  type ParsedRecord,
} from './csv-format';
import { DirectoryValidator, rowError, type PersonRow, type UnitDefinition } from './directory-validator';
import * as SQL from './sql/directory-import.sql';

/** At most this many problems are stored on the import (error_count keeps the true total). */
export const MAX_STORED_ERRORS = 1000;
const FINAL_STATUSES: readonly DirectoryImportStatus[] = ['completed', 'rejected', 'failed'];
/** Rows per COPY chunk: large enough for throughput, small enough for smooth progress. */
const COPY_CHUNK_ROWS = 5000;

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

interface ImportRow {
  id: string;
  status: DirectoryImportStatus;
  storage_key: string;
  started_by: string | null;
}

class Rejection extends Error {
  constructor(
    readonly errors: DirectoryImportRowError[],
    readonly errorCount = errors.length,
  ) {
    super('directory import rejected');
  }
}

/** Escapes one value for COPY's text format (tab-separated, \N for null). */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * Runs one directory import end to end: count, validate, apply. Used by the worker's
 * `directory.import` job and by the benchmark. Retry-safe: a finished import is left alone, and an
 * import interrupted mid-way starts over (nothing is applied outside the one apply transaction).
 */
export class DirectoryImportRunner {
  private readonly progressIntervalMs: number;
  private readonly year: () => number;
  private readonly onProgress: NonNullable<RunnerOptions['onProgress']>;
  /** Current phase per import being run (one runner may run several imports at once). */
  private readonly phases = new Map<string, { status: DirectoryImportStatus; totalRows: number | null }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly audit: AuditService = new AuditService(),
    options: RunnerOptions = {},
  ) {
    this.progressIntervalMs = options.progressIntervalMs ?? 250;
    this.year = options.year ?? (() => new Date().getFullYear());
    this.onProgress = options.onProgress ?? (() => undefined);
  }

  async run(importId: string): Promise<RunOutcome> {
    const started = performance.now();
    const row = await this.load(importId);
    if (!row) return { kind: 'skipped', reason: 'not_found' };
    if (FINAL_STATUSES.includes(row.status)) return { kind: 'skipped', reason: 'already_finished' };

    const timings: ImportTimings = { countMs: 0, validateMs: 0, applyMs: 0, totalMs: 0 };
    try {
      let t = performance.now();
      const { delimiter, totalRows } = await this.count(row);
      timings.countMs = performance.now() - t;
      await this.setStatus(importId, 'validating', { totalRows, processedRows: 0 });

      t = performance.now();
      const { people, units } = await this.validate(row, delimiter, totalRows);
      timings.validateMs = performance.now() - t;
      await this.setStatus(importId, 'applying', { processedRows: 0 });

      t = performance.now();
      const outcome = await this.apply(row, people, units, totalRows);
      timings.applyMs = performance.now() - t;
      timings.totalMs = performance.now() - started;
      await this.storage.remove(row.storage_key);
      return outcome.kind === 'completed' ? { ...outcome, timings } : outcome;
    } catch (err) {
      if (err instanceof Rejection) {
        await this.finishRejected(importId, err);
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
    await this.dataSource.query(
      `UPDATE directory_import SET status = 'failed', errors = $2::jsonb, error_count = 1, finished_at = now()
       WHERE id = $1 AND status NOT IN ('completed', 'rejected', 'failed')`,
      [importId, JSON.stringify([{ line: 0, field: null, code, message }])],
    );
  }

  private async load(importId: string): Promise<ImportRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT id, status, storage_key, started_by FROM directory_import WHERE id = $1`,
      [importId],
    )) as ImportRow[];
    return rows[0];
  }

  private async setStatus(
    importId: string,
    status: DirectoryImportStatus,
    progress: { totalRows?: number; processedRows: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE directory_import SET status = $2, processed_rows = $3, total_rows = COALESCE($4, total_rows) WHERE id = $1`,
      [importId, status, progress.processedRows, progress.totalRows ?? null],
    );
    const phase = { status, totalRows: progress.totalRows ?? this.phases.get(importId)?.totalRows ?? null };
    this.phases.set(importId, phase);
    this.onProgress({ ...phase, processedRows: progress.processedRows });
  }

  private progress(importId: string): (processed: number, force?: boolean) => Promise<void> {
    let last = 0;
    return async (processed, force = false) => {
      const now = performance.now();
      if (!force && now - last < this.progressIntervalMs) return;
      last = now;
      await this.dataSource.query(`UPDATE directory_import SET processed_rows = $2 WHERE id = $1`, [
        importId,
        processed,
      ]);
      this.onProgress({ status: 'queued', totalRows: null, ...this.phases.get(importId), processedRows: processed });
    };
  }

  /** The separator (from the header line) and the exact number of data rows, so progress has a total. */
  private async count(row: ImportRow): Promise<{ delimiter: Delimiter; totalRows: number }> {
    const delimiter = detectDelimiter(firstLineOf(await this.sample(row.storage_key)));
    let records = 0;
    await this.parse(row.storage_key, delimiter, () => {
      records++;
    });
    if (records === 0)
      throw new Rejection([rowError(1, null, 'missing_column', 'The file is empty: a header row is required.')]);
    return { delimiter, totalRows: records - 1 };
  }

  private async sample(key: string): Promise<string> {
    const stream = await this.storage.openRead(key);
    try {
      for await (const chunk of stream) return (chunk as Buffer).toString('utf8');
      return '';
    } finally {
      stream.destroy();
    }
  }

  /** Streams the file through csv-parse; a malformed file (bad quoting) is a rejection naming the line. */
  private async parse(
    key: string,
    delimiter: Delimiter,
    onRecord: (record: ParsedRecord) => void | Promise<void>,
  ): Promise<void> {
    const parser = createDirectoryParser(delimiter);
    const source = await this.storage.openRead(key);
    source.on('error', (err: Error) => parser.destroy(err));
    source.pipe(parser);
    try {
      for await (const record of parser) await onRecord(record as ParsedRecord);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('CSV_')) {
        const line = Number((err as { lines?: unknown }).lines) || 0;
        throw new Rejection([rowError(line, null, 'malformed_csv', (err as Error).message)]);
      }
      throw err;
    } finally {
      source.destroy();
    }
  }

  private async validate(
    row: ImportRow,
    delimiter: Delimiter,
    totalRows: number,
  ): Promise<{ people: PersonRow[]; units: Map<string, UnitDefinition> }> {
    const report = this.progress(row.id);
    let validator: DirectoryValidator | undefined;
    let headerWidth = 0;
    await this.parse(row.storage_key, delimiter, async (parsed) => {
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
    if (!validator)
      throw new Rejection([rowError(1, null, 'missing_column', 'The file is empty: a header row is required.')]);
    const existing = (await this.dataSource.query(
      `SELECT u.code, p.code AS parent_code FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id`,
    )) as { code: string; parent_code: string | null }[];
    const result = validator.finish(new Map(existing.map((u) => [u.code, u.parent_code])));
    await report(totalRows, true);
    if (result.errors.length > 0) throw new Rejection(result.errors.slice(0, MAX_STORED_ERRORS), result.errors.length);
    return result;
  }

  private async apply(
    row: ImportRow,
    people: PersonRow[],
    units: Map<string, UnitDefinition>,
    totalRows: number,
  ): Promise<Extract<RunOutcome, { kind: 'completed' }>> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const report = this.progress(row.id);
    await runner.startTransaction();
    try {
      await client.query(SQL.LOCK_IMPORTS);
      // Another run of this import may have finished while this one waited for the lock.
      const current = (
        await client.query<{ status: DirectoryImportStatus }>(`SELECT status FROM directory_import WHERE id = $1`, [
          row.id,
        ])
      ).rows[0];
      if (!current || FINAL_STATUSES.includes(current.status))
        throw new Error(`directory import ${row.id} finished meanwhile`);

      await client.query(SQL.CREATE_STAGING);
      await this.copyPeople(client, people, report);
      const unitList = [...units.values()];
      await client.query(SQL.INSERT_STAGING_UNITS, [
        unitList.map((u) => u.line),
        unitList.map((u) => u.code),
        unitList.map((u) => u.name),
        unitList.map((u) => u.kind),
        unitList.map((u) => u.parentCode),
      ]);
      await client.query(SQL.INDEX_STAGING);
      await this.checkConflicts(client, row);

      await client.query(SQL.UPSERT_UNITS);
      await client.query(SQL.SET_UNIT_PARENTS);
      await client.query(SQL.RECOMPUTE_PATHS);
      await client.query(SQL.SET_UNITS_ACTIVE);

      const reactivated = (await client.query<{ id: string }>(SQL.FIND_REACTIVATED)).rows.map((r) => r.id);
      await client.query(SQL.PARK_CHANGED_EMAILS);
      const updated = (await client.query(SQL.UPDATE_PEOPLE)).rowCount ?? 0;
      const created = (await client.query(SQL.INSERT_PEOPLE)).rowCount ?? 0;
      const deactivated = (await client.query<{ id: string }>(SQL.DEACTIVATE_MISSING)).rows.map((r) => r.id);
      if (deactivated.length > 0) {
        await client.query(SQL.END_SESSIONS, [deactivated]);
        await client.query(SQL.AUDIT_PEOPLE, [
          deactivated,
          row.started_by,
          'person.deactivated',
          JSON.stringify({ importId: row.id, reason: 'absent_from_directory' }),
          null,
        ]);
      }
      if (reactivated.length > 0) {
        await client.query(SQL.AUDIT_PEOPLE, [
          reactivated,
          row.started_by,
          'person.reactivated',
          JSON.stringify({ importId: row.id }),
          null,
        ]);
      }
      const year = this.year();
      await client.query(SQL.UPSERT_HEADCOUNTS, [year]);
      await client.query(SQL.DELETE_INACTIVE_HEADCOUNTS, [year]);

      const counts: ImportCounts = {
        created,
        updated,
        unchanged: people.length - created - updated,
        deactivated: deactivated.length,
      };
      await this.audit.append(runner.manager, {
        actorId: row.started_by,
        action: 'directory.imported',
        subjectType: 'directory_import',
        subjectId: row.id,
        data: {
          ...counts,
          reactivated: reactivated.length,
          rows: totalRows,
          orgUnits: units.size,
          headcountYear: year,
        },
      });
      await client.query(
        `UPDATE directory_import
         SET status = 'completed', processed_rows = $2, total_rows = $2, created_count = $3, updated_count = $4,
             unchanged_count = $5, deactivated_count = $6, errors = '[]'::jsonb, error_count = 0, finished_at = now()
         WHERE id = $1`,
        [row.id, totalRows, counts.created, counts.updated, counts.unchanged, counts.deactivated],
      );
      await runner.commitTransaction();
      return { kind: 'completed', counts, totalRows, timings: { countMs: 0, validateMs: 0, applyMs: 0, totalMs: 0 } };
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  /** Streams the people into the staging table with COPY, reporting progress per chunk. */
  private async copyPeople(
    client: PoolClient,
    people: PersonRow[],
    report: (n: number, force?: boolean) => Promise<void>,
  ): Promise<void> {
    const copy = client.query(copyFrom(SQL.COPY_STAGING_PERSON));
    async function* chunks(): AsyncGenerator<string> {
      for (let start = 0; start < people.length; start += COPY_CHUNK_ROWS) {
        let text = '';
        for (const p of people.slice(start, start + COPY_CHUNK_ROWS)) {
          text += `${p.line}\t${copyValue(p.employeeNumber)}\t${copyValue(p.givenName)}\t${copyValue(p.familyName)}\t${copyValue(p.email)}\t${copyValue(p.orgUnitCode)}\t${copyValue(p.locale)}\n`;
        }
        yield text;
        await report(Math.min(start + COPY_CHUNK_ROWS, people.length));
      }
    }
    await pipeline(Readable.from(chunks()), copy);
    await report(people.length, true);
  }

  private async checkConflicts(client: PoolClient, row: ImportRow): Promise<void> {
    const errors: DirectoryImportRowError[] = (
      await client.query<{ line: number; email: string; holder: string }>(SQL.FIND_EMAIL_TAKEN, [MAX_STORED_ERRORS])
    ).rows.map((r) =>
      rowError(
        r.line,
        'email',
        'email_taken',
        `E-mail ${r.email} belongs to employee ${r.holder}, who is not in the file.`,
      ),
    );
    if (row.started_by) {
      const present = (await client.query<{ present: boolean }>(SQL.IMPORTER_IN_FILE, [row.started_by])).rows[0]
        ?.present;
      if (!present) {
        errors.unshift(
          rowError(
            0,
            null,
            'importer_missing',
            'You are not in this file: importing it would deactivate your own account.',
          ),
        );
      }
    }
    if (errors.length > 0) throw new Rejection(errors);
  }

  private async finishRejected(importId: string, rejection: Rejection): Promise<void> {
    await this.dataSource.query(
      `UPDATE directory_import
       SET status = 'rejected', errors = $2::jsonb, error_count = $3, processed_rows = COALESCE(total_rows, 0), finished_at = now()
       WHERE id = $1`,
      [importId, JSON.stringify(rejection.errors), rejection.errorCount],
    );
  }
}
