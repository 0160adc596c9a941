import { createGzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FileStorage } from '@eclore/server-platform';
import { findExport, readExportCategory, updateExport } from './personal-data.repository';
import { EXPORT_CATEGORIES, type ExportAttachmentRow } from './sql/export-queries.sql';
import { TarWriter, safeEntryName } from './tar-writer';

/** How long a built archive can be downloaded. */
export const EXPORT_AVAILABLE_HOURS = 24;

export type ExportBuildOutcome = 'built' | 'already_done' | 'gone';

/**
 * Builds one "download my data" archive in the worker: `data.json` (one key per category, see
 * EXPORT_QUERIES) and `attachments/<id>/<file>` for every file the person uploaded, as a tar.gz in
 * the file store. Progress is one step per category and one per attachment, saved as it goes so the
 * profile page can show it.
 */
@Injectable()
export class PersonalDataExportBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  async run(exportId: string): Promise<ExportBuildOutcome> {
    const manager = this.dataSource.manager;
    const request = await findExport(manager, exportId);
    if (!request) return 'gone';
    if (request.status === 'ready' || request.status === 'failed') return 'already_done';
    const attachments = await readExportCategory(manager, 'attachments', request.personId);
    const total = EXPORT_CATEGORIES.length + attachments.length;
    await updateExport(manager, exportId, { status: 'building', doneSteps: 0, totalSteps: total });
    // One step per category, then one per attachment: the profile page shows the progress.
    let done = 0;
    const step = () => updateExport(manager, exportId, { doneSteps: ++done });
    const data = await this.readCategories(request.personId, step);
    const key = `personal-data-exports/${exportId}.tar.gz`;
    await this.writeArchive(key, data, attachments, step);
    // The person may have been erased while the archive was built: their request row is then gone,
    // and so must the archive be.
    if (!(await findExport(manager, exportId))) {
      await this.storage.remove(key);
      return 'gone';
    }
    const finishedAt = new Date();
    await updateExport(manager, exportId, {
      status: 'ready',
      storageKey: key,
      sizeBytes: (await this.storage.size(key)) ?? 0,
      finishedAt,
      expiresAt: new Date(finishedAt.getTime() + EXPORT_AVAILABLE_HOURS * 3600_000),
    });
    return 'built';
  }

  /** data.json: every category of the person's data (the profile as one object, attachments without their storage key). */
  private async readCategories(personId: string, step: () => Promise<void>): Promise<Record<string, unknown>> {
    const data: Record<string, unknown> = { format: 'eclore-personal-data/1', exportedAt: new Date().toISOString() };
    for (const category of EXPORT_CATEGORIES) {
      const rows = await readExportCategory(this.dataSource.manager, category, personId);
      data[category] =
        category === 'profile'
          ? (rows[0] ?? null)
          : category === 'attachments'
            ? (rows as ExportAttachmentRow[]).map(({ storageKey: _key, ...rest }) => ({
                ...rest,
                file: entryName(rest),
              }))
            : rows;
      await step();
    }
    return data;
  }

  /** The tar.gz, streamed to the store; a failure leaves no partial archive behind. */
  private async writeArchive(
    key: string,
    data: Record<string, unknown>,
    attachments: readonly ExportAttachmentRow[],
    step: () => Promise<void>,
  ): Promise<void> {
    const gzip = createGzip();
    const stored = this.storage.put(key, gzip);
    const tar = new TarWriter(gzip);
    try {
      await tar.addBuffer('data.json', Buffer.from(JSON.stringify(data, null, 2), 'utf8'));
      for (const a of attachments) {
        const bytes = await this.storage.size(a.storageKey);
        if (bytes !== null) await tar.addStream(entryName(a), bytes, await this.storage.openRead(a.storageKey));
        await step();
      }
      await tar.finish();
      await stored;
    } catch (err) {
      gzip.destroy();
      await stored.catch(() => undefined);
      await this.storage.remove(key);
      throw err;
    }
  }

  /** The last attempt failed: the profile page stops waiting and offers to try again. */
  async markFailed(exportId: string): Promise<void> {
    await updateExport(this.dataSource.manager, exportId, { status: 'failed', finishedAt: new Date() });
  }
}

function entryName(a: Pick<ExportAttachmentRow, 'id' | 'fileName'>): string {
  return `attachments/${a.id}/${safeEntryName(a.fileName)}`;
}
