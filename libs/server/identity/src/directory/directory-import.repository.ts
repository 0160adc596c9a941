import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import type { DirectoryImportRowError, DirectoryImportStatus } from '../entities';
import type { PersonRow, UnitDefinition } from './directory-validator';
import * as SQL from './sql/directory-import.sql';

/** The import as the runner needs it. */
export interface ImportRow {
  id: string;
  status: DirectoryImportStatus;
  storage_key: string;
  started_by: string | null;
}

/** An existing unit's code and its parent's, for the validator's cycle and parent checks. */
interface UnitParentRow {
  code: string;
  parent_code: string | null;
}

/** A file e-mail held by someone absent from the file (FIND_EMAIL_TAKEN). */
export interface EmailTakenRow {
  line: number;
  email: string;
  holder: string;
}

/** What applying the staged file changed among people. */
export interface AppliedPeople {
  reactivated: string[];
  updated: number;
  created: number;
  deactivated: string[];
}

export interface CompletedCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

export type ProgressReport = (processed: number, force?: boolean) => Promise<void>;

/** Rows per COPY chunk: large enough for throughput, small enough for smooth progress. */
const COPY_CHUNK_ROWS = 5000;

const LOAD = `SELECT id, status, storage_key, started_by FROM directory_import WHERE id = $1`;
const SET_STATUS = `
  UPDATE directory_import SET status = $2, processed_rows = $3, total_rows = COALESCE($4, total_rows) WHERE id = $1`;
const SET_PROCESSED = `UPDATE directory_import SET processed_rows = $2 WHERE id = $1`;
const MARK_FAILED = `
  UPDATE directory_import SET status = 'failed', errors = $2::jsonb, error_count = 1, finished_at = now()
  WHERE id = $1 AND status NOT IN ('completed', 'rejected', 'failed')`;
const FINISH_REJECTED = `
  UPDATE directory_import
  SET status = 'rejected', errors = $2::jsonb, error_count = $3, processed_rows = COALESCE(total_rows, 0), finished_at = now()
  WHERE id = $1`;
const FINISH_COMPLETED = `
  UPDATE directory_import
  SET status = 'completed', processed_rows = $2, total_rows = $2, created_count = $3, updated_count = $4,
      unchanged_count = $5, deactivated_count = $6, errors = '[]'::jsonb, error_count = 0, finished_at = now()
  WHERE id = $1`;
const UNIT_PARENTS = `SELECT u.code, p.code AS parent_code FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id`;
const STATUS_OF = `SELECT status FROM directory_import WHERE id = $1`;

/** Escapes one value for COPY's text format (tab-separated, \N for null). */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** The import's bookkeeping outside the apply transaction (each write commits on its own). */
export class DirectoryImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(importId: string): Promise<ImportRow | undefined> {
    return (await this.dataSource.query<ImportRow[]>(LOAD, [importId]))[0];
  }

  async setStatus(
    importId: string,
    status: DirectoryImportStatus,
    processedRows: number,
    totalRows: number | null,
  ): Promise<void> {
    await this.dataSource.query(SET_STATUS, [importId, status, processedRows, totalRows]);
  }

  async setProcessed(importId: string, processedRows: number): Promise<void> {
    await this.dataSource.query(SET_PROCESSED, [importId, processedRows]);
  }

  async markFailed(importId: string, error: DirectoryImportRowError): Promise<void> {
    await this.dataSource.query(MARK_FAILED, [importId, JSON.stringify([error])]);
  }

  async finishRejected(importId: string, errors: DirectoryImportRowError[], errorCount: number): Promise<void> {
    await this.dataSource.query(FINISH_REJECTED, [importId, JSON.stringify(errors), errorCount]);
  }

  /** Existing units: code → parent code. */
  async unitParents(): Promise<Map<string, string | null>> {
    const rows = await this.dataSource.query<UnitParentRow[]>(UNIT_PARENTS);
    return new Map(rows.map((u) => [u.code, u.parent_code]));
  }

  /** Runs `work` in the one apply transaction, on a pg client (COPY needs it) and its entity manager. */
  async inApplyTransaction<T>(work: (tx: DirectoryApplyTransaction) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    await runner.startTransaction();
    try {
      const result = await work(new DirectoryApplyTransaction(client, runner.manager));
      await runner.commitTransaction();
      return result;
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }
}

/** The set-based statements of sql/directory-import.sql.ts, in the order the apply runs them. */
export class DirectoryApplyTransaction {
  constructor(
    private readonly client: PoolClient,
    readonly manager: EntityManager,
  ) {}

  /** Takes the import lock; answers the import's status as seen under it. */
  async lockAndReadStatus(importId: string): Promise<DirectoryImportStatus | undefined> {
    await this.client.query(SQL.LOCK_IMPORTS);
    return (await this.client.query<{ status: DirectoryImportStatus }>(STATUS_OF, [importId])).rows[0]?.status;
  }

  async stage(people: PersonRow[], units: Iterable<UnitDefinition>, report: ProgressReport): Promise<void> {
    await this.client.query(SQL.CREATE_STAGING);
    await this.copyPeople(people, report);
    const unitList = [...units];
    await this.client.query(SQL.INSERT_STAGING_UNITS, [
      unitList.map((u) => u.line),
      unitList.map((u) => u.code),
      unitList.map((u) => u.name),
      unitList.map((u) => u.kind),
      unitList.map((u) => u.parentCode),
    ]);
    await this.client.query(SQL.INDEX_STAGING);
  }

  async emailsTaken(limit: number): Promise<EmailTakenRow[]> {
    return (await this.client.query<EmailTakenRow>(SQL.FIND_EMAIL_TAKEN, [limit])).rows;
  }

  async importerInFile(personId: string): Promise<boolean> {
    return (await this.client.query<{ present: boolean }>(SQL.IMPORTER_IN_FILE, [personId])).rows[0]?.present === true;
  }

  async applyUnits(): Promise<void> {
    await this.client.query(SQL.UPSERT_UNITS);
    await this.client.query(SQL.SET_UNIT_PARENTS);
    await this.client.query(SQL.RECOMPUTE_PATHS);
    await this.client.query(SQL.SET_UNITS_ACTIVE);
  }

  async applyPeople(): Promise<AppliedPeople> {
    const reactivated = (await this.client.query<{ id: string }>(SQL.FIND_REACTIVATED)).rows.map((r) => r.id);
    await this.client.query(SQL.PARK_CHANGED_EMAILS);
    const updated = (await this.client.query(SQL.UPDATE_PEOPLE)).rowCount ?? 0;
    const created = (await this.client.query(SQL.INSERT_PEOPLE)).rowCount ?? 0;
    const deactivated = (await this.client.query<{ id: string }>(SQL.DEACTIVATE_MISSING)).rows.map((r) => r.id);
    await this.client.query(SQL.ANALYZE_APPLIED);
    return { reactivated, updated, created, deactivated };
  }

  async endSessions(personIds: string[]): Promise<void> {
    await this.client.query(SQL.END_SESSIONS, [personIds]);
  }

  /** One audit event per person, in one statement. */
  async auditPeople(personIds: string[], actorId: string | null, action: string, data: object): Promise<void> {
    await this.client.query(SQL.AUDIT_PEOPLE, [personIds, actorId, action, JSON.stringify(data), null]);
  }

  async recomputeHeadcounts(year: number): Promise<void> {
    await this.client.query(SQL.UPSERT_HEADCOUNTS, [year]);
    await this.client.query(SQL.DELETE_INACTIVE_HEADCOUNTS, [year]);
  }

  async finishCompleted(importId: string, totalRows: number, counts: CompletedCounts): Promise<void> {
    await this.client.query(FINISH_COMPLETED, [
      importId,
      totalRows,
      counts.created,
      counts.updated,
      counts.unchanged,
      counts.deactivated,
    ]);
  }

  /** Streams the people into the staging table with COPY, reporting progress per chunk. */
  private async copyPeople(people: PersonRow[], report: ProgressReport): Promise<void> {
    const copy = this.client.query(copyFrom(SQL.COPY_STAGING_PERSON));
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
}
