import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { LocalDiskStorage, OutboxService } from '@eclore/server-platform';
import { DIRECTORY_COLUMNS } from '@eclore/server-identity';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { WorkerProcess, waitFor } from '../testing/worker-process';

/** The `directory.import` job in the built worker: outbox → queue → handler → import completed. */
jest.setTimeout(40_000);

describe('directory.import job (worker process, real PostgreSQL and Redis)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let storageDir: string;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('dirjob');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 2 } as never));
    await ds.initialize();
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-dirjob-'));
  });

  afterAll(async () => {
    await worker?.stop();
    await ds?.destroy();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('validates and applies the uploaded file, once', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      [
        `E${i}`,
        `Given${i}`,
        `Family${i}`,
        `p${i}@example.org`,
        i === 0 ? 'D1' : 'U1',
        i === 0 ? 'Direction' : 'Unit',
        i === 0 ? 'direction' : 'unit',
        i === 0 ? '' : 'D1',
        'fr',
      ].join(','),
    );
    const id = randomUUID();
    const storageKey = `directory-imports/${id}.csv`;
    await new LocalDiskStorage(storageDir).put(
      storageKey,
      Buffer.from([DIRECTORY_COLUMNS.join(','), ...rows].join('\n')),
    );
    await ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO directory_import (id, status, file_name, storage_key, errors) VALUES ($1, 'queued', 'd.csv', $2, '[]')`,
        [id, storageKey],
      );
      await new OutboxService().append(m, 'directory.import', { importId: id });
    });

    worker = await WorkerProcess.start({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('dirjob'),
      STORAGE_DIR: storageDir,
    });
    const done = await waitFor('the import to complete', async () => {
      const [row] = (await ds.query(
        `SELECT status, processed_rows, total_rows, created_count FROM directory_import WHERE id = $1`,
        [id],
      )) as Record<string, unknown>[];
      return row && ['completed', 'rejected', 'failed'].includes(row['status'] as string) ? row : undefined;
    });
    expect(done).toEqual({ status: 'completed', processed_rows: 30, total_rows: 30, created_count: 30 });
    expect(await ds.query(`SELECT count(*)::int AS n FROM person WHERE active`)).toEqual([{ n: 30 }]);
    // The job's "completed" log line follows its database commit: wait for it rather than race it.
    const completed = () =>
      worker!.logLines().filter((l) => l.jobName === 'directory.import' && l.msg === 'job completed');
    await waitFor('the job completed log line', () => (completed().length > 0 ? true : undefined));
    expect(completed()).toEqual([expect.objectContaining({ queue: 'identity' })]);
  });
});
