import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { FileStorage, OutboxService, cursorField, defineCursor } from '@eclore/server-platform';
import { DirectoryImport } from '../entities';
import { inspectCsvSample } from './csv-format';
import type {
  DirectoryImportDto,
  DirectoryImportSummaryDto,
  HeadcountsDto,
  OrgUnitDto,
  OrgUnitMembersPageDto,
  PersonCardDto,
} from './directory.dto';
import * as Q from './sql/directory-queries.sql';

/** Bytes read to check that an upload is a text CSV with the expected header. */
const SAMPLE_BYTES = 64 * 1024;

function toIso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** LIKE pattern for "starts with", with the user's `%`, `_` and `\` taken literally. */
export function prefixPattern(q: string): string {
  return `${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Keyset of the members list: family and given names as stored, then id; `after` carries it. */
const membersCursor = defineCursor({ family: cursorField.text(), given: cursorField.text(), id: cursorField.uuid });

/** The directory's reads and the start of an import (the worker does the rest). */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Checks the upload is a text CSV with the directory's header, stores it, then records the import
   * and its `directory.import` job in one transaction (the job exists if and only if the import does).
   */
  async startImport(file: { buffer: Buffer; originalname: string } | undefined, actor: Actor): Promise<string> {
    if (!file || file.buffer.length === 0) {
      throw new ValidationFailed([{ field: 'file', code: 'isNotEmpty', message: 'file must be a non-empty CSV file' }]);
    }
    const inspection = inspectCsvSample(file.buffer.subarray(0, SAMPLE_BYTES));
    if (!inspection.ok) {
      const message =
        inspection.code === 'missing_column'
          ? `file lacks the column(s) ${(inspection.columns ?? []).join(', ')} in its header row`
          : 'file must be a UTF-8 text CSV';
      throw new ValidationFailed([
        { field: 'file', code: inspection.code === 'missing_column' ? 'missingColumn' : 'notTextCsv', message },
      ]);
    }
    const id = randomUUID();
    const storageKey = `directory-imports/${id}.csv`;
    await this.storage.put(storageKey, file.buffer);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(DirectoryImport, {
          id,
          status: 'queued',
          fileName: basename(file.originalname || 'directory.csv').slice(0, 200),
          storageKey,
          errors: [],
          startedBy: actor.personId,
        });
        await this.outbox.append(manager, 'directory.import', { importId: id });
      });
    } catch (err) {
      await this.storage.remove(storageKey);
      throw err;
    }
    return id;
  }

  async getImport(id: string): Promise<DirectoryImportDto> {
    const row = await this.dataSource.getRepository(DirectoryImport).findOneBy({ id });
    if (!row) throw new NotFound('directory_import', id);
    return {
      id: row.id,
      status: row.status,
      fileName: row.fileName,
      totalRows: row.totalRows,
      processedRows: row.processedRows,
      createdCount: row.createdCount,
      updatedCount: row.updatedCount,
      unchangedCount: row.unchangedCount,
      deactivatedCount: row.deactivatedCount,
      errorCount: row.errorCount,
      errors: row.errors,
      createdAt: row.createdAt.toISOString(),
      finishedAt: toIso(row.finishedAt),
    };
  }

  async listImports(limit = 20): Promise<DirectoryImportSummaryDto[]> {
    const rows = (await this.dataSource.query(Q.LIST_IMPORTS, [limit])) as {
      id: string;
      status: DirectoryImportSummaryDto['status'];
      file_name: string;
      total_rows: number | null;
      created_count: number;
      updated_count: number;
      unchanged_count: number;
      deactivated_count: number;
      error_count: number;
      created_at: Date;
      finished_at: Date | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      fileName: r.file_name,
      totalRows: r.total_rows,
      createdCount: r.created_count,
      updatedCount: r.updated_count,
      unchangedCount: r.unchanged_count,
      deactivatedCount: r.deactivated_count,
      errorCount: r.error_count,
      createdAt: r.created_at.toISOString(),
      finishedAt: toIso(r.finished_at),
    }));
  }

  async orgUnits(): Promise<OrgUnitDto[]> {
    const rows = (await this.dataSource.query(Q.LIST_ORG_UNITS)) as {
      id: string;
      code: string;
      name: string;
      kind: OrgUnitDto['kind'];
      parent_id: string | null;
      path: string[];
      active: boolean;
    }[];
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      path: r.path,
      active: r.active,
    }));
  }

  /** The unit's path (root → self), for the object-level permission check. */
  async orgUnitPath(id: string): Promise<string[]> {
    const rows = (await this.dataSource.query(Q.ORG_UNIT_PATH, [id])) as { path: string[] }[];
    const path = rows[0]?.path;
    if (!path) throw new NotFound('org_unit', id);
    return path;
  }

  async members(
    id: string,
    options: { subtree: boolean; limit: number; after?: string },
  ): Promise<OrgUnitMembersPageDto> {
    const cursor = options.after ? membersCursor.decode(options.after, 'after') : null;
    const rows = (await this.dataSource.query(Q.LIST_MEMBERS, [
      id,
      options.subtree,
      cursor?.family ?? null,
      cursor?.given ?? null,
      cursor?.id ?? null,
      options.limit + 1,
    ])) as {
      id: string;
      employee_number: string;
      given_name: string;
      family_name: string;
      email: string;
      org_unit_id: string;
    }[];
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        employeeNumber: r.employee_number,
        givenName: r.given_name,
        familyName: r.family_name,
        email: r.email,
        orgUnitId: r.org_unit_id,
      })),
      nextCursor:
        rows.length > options.limit && last
          ? membersCursor.encode({ family: last.family_name, given: last.given_name, id: last.id })
          : null,
    };
  }

  async searchPeople(q: string, limit = 10): Promise<PersonCardDto[]> {
    const rows = (await this.dataSource.query(Q.SEARCH_PEOPLE, [prefixPattern(q), limit])) as {
      id: string;
      given_name: string;
      family_name: string;
      org_unit_id: string | null;
      org_unit_name: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
    }));
  }

  async headcounts(year: number): Promise<HeadcountsDto> {
    const rows = (await this.dataSource.query(Q.HEADCOUNTS_OF_YEAR, [year])) as {
      org_unit_id: string;
      code: string;
      name: string;
      kind: OrgUnitDto['kind'];
      parent_id: string | null;
      depth: number;
      direct_count: number;
      total_count: number;
    }[];
    return {
      year,
      units: rows.map((r) => ({
        orgUnitId: r.org_unit_id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentId: r.parent_id,
        depth: r.depth,
        directCount: r.direct_count,
        totalCount: r.total_count,
      })),
    };
  }
}
