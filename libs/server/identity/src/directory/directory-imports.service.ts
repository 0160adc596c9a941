import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { FileStorage, OutboxService } from '@eclore/server-platform';
import { inspectCsvSample } from './csv-format';
import type { DirectoryImportDto, DirectoryImportSummaryDto } from './directory.dto';
import { DirectoryRepository } from './directory.repository';

/** Bytes read to check that an upload is a text CSV with the expected header. */
const SAMPLE_BYTES = 64 * 1024;

function toIso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Starting a directory import (the worker does the rest) and following it. */
@Injectable()
export class DirectoryImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
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
        await this.directory.insertImport(
          {
            id,
            status: 'queued',
            fileName: basename(file.originalname || 'directory.csv').slice(0, 200),
            storageKey,
            errors: [],
            startedBy: actor.personId,
          },
          manager,
        );
        await this.outbox.append(manager, 'directory.import', { importId: id });
      });
    } catch (err) {
      await this.storage.remove(storageKey);
      throw err;
    }
    return id;
  }

  async getImport(id: string): Promise<DirectoryImportDto> {
    const row = await this.directory.findImport(id);
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
    return (await this.directory.listImports(limit)).map((r) => ({
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
}
