import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Conflict, NotFound, type Actor } from '@eclore/domain';
import { FileStorage, OutboxService } from '@eclore/server-platform';
import type { PersonalDataExport } from '../entities';
import { AuditService } from '../audit/audit.service';
import type { PersonalDataExportDto } from './personal-data.dto';
import { findExport, insertExport, openExportOf, recentExportsOf } from './personal-data.repository';

export interface ExportDownload {
  fileName: string;
  sizeBytes: number | null;
  stream: Readable;
}

/**
 * "Download my data": the request (one open at a time; the worker builds it), its progress, and the
 * download, for the person only: another person's export answers 404 as an unknown one would.
 */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async request(actor: Actor, requestId: string | null): Promise<PersonalDataExportDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const open = await openExportOf(manager, actor.personId);
      if (open) return open;
      const created = await insertExport(manager, actor.personId);
      await this.outbox.append(manager, 'personal_data.export', { exportId: created.id });
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'personal_data.export_requested',
        subjectType: 'person',
        subjectId: actor.personId,
        data: { exportId: created.id },
        requestId,
      });
      return created;
    });
    return toDto(row);
  }

  async list(actor: Actor): Promise<PersonalDataExportDto[]> {
    return (await recentExportsOf(this.dataSource.manager, actor.personId, 5)).map(toDto);
  }

  async get(actor: Actor, exportId: string): Promise<PersonalDataExportDto> {
    return toDto(await this.own(actor, exportId));
  }

  async download(actor: Actor, exportId: string, requestId: string | null): Promise<ExportDownload> {
    const row = await this.own(actor, exportId);
    if (row.status !== 'ready' || !row.storageKey) {
      throw new Conflict('personal_data_export_not_ready', 'This export is not ready yet.');
    }
    if (!isDownloadable(row)) throw new Conflict('personal_data_export_expired', 'This download link has expired.');
    const stream = await this.storage.openRead(row.storageKey);
    await this.dataSource.transaction((manager) =>
      this.audit.append(manager, {
        actorId: actor.personId,
        action: 'personal_data.export_downloaded',
        subjectType: 'person',
        subjectId: actor.personId,
        data: { exportId: row.id },
        requestId,
      }),
    );
    const day = (row.finishedAt ?? row.createdAt).toISOString().slice(0, 10);
    return { fileName: `eclore-my-data-${day}.tar.gz`, sizeBytes: row.sizeBytes, stream };
  }

  private async own(actor: Actor, exportId: string): Promise<PersonalDataExport> {
    const row = await findExport(this.dataSource.manager, exportId);
    if (!row || row.personId !== actor.personId) throw new NotFound('personal_data_export', exportId);
    return row;
  }
}

function isDownloadable(row: PersonalDataExport, now = new Date()): boolean {
  return row.status === 'ready' && row.storageKey !== null && row.expiresAt !== null && row.expiresAt > now;
}

function toDto(row: PersonalDataExport): PersonalDataExportDto {
  return {
    id: row.id,
    status: row.status,
    doneSteps: row.doneSteps,
    totalSteps: row.totalSteps,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    sizeBytes: row.sizeBytes,
    downloadable: isDownloadable(row),
  };
}
