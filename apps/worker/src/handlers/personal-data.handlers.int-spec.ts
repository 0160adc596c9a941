import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { EXPORT_CATEGORIES } from '@eclore/server-identity';
import { LocalDiskStorage, OutboxService } from '@eclore/server-platform';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { WorkerProcess, waitFor } from '../testing/worker-process';

/**
 * The personal-data jobs in the built worker: outbox → queue → handler. The export is built with its
 * progress; the retention job erases people deactivated longer than ERASE_AFTER_DEACTIVATION_DAYS and
 * removes expired archives.
 */
jest.setTimeout(60_000);

describe('personal-data jobs (worker process, real PostgreSQL and Redis)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let storageDir: string;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('pdjobs');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 2 } as never));
    await ds.initialize();
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-pdjobs-'));
    worker = await WorkerProcess.start({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('pdjobs'),
      STORAGE_DIR: storageDir,
      ERASE_AFTER_DEACTIVATION_DAYS: '30',
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await ds?.destroy();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const person = async (tag: string, deactivatedDaysAgo: number | null): Promise<string> => {
    const [row] = (await ds.query(
      `INSERT INTO person (employee_number, given_name, family_name, email, active, deactivated_at)
       VALUES ($1, 'Given', $1, $1 || '@example.org', $2, CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END)
       RETURNING id`,
      [tag, deactivatedDaysAgo === null, deactivatedDaysAgo],
    )) as { id: string }[];
    return row?.id ?? '';
  };

  it('builds a requested export in the worker, with its progress, into the file store', async () => {
    const personId = await person('exporter', null);
    const [request] = (await ds.query(
      `INSERT INTO personal_data_export (person_id, status) VALUES ($1, 'queued') RETURNING id`,
      [personId],
    )) as { id: string }[];
    await ds.transaction((m) => new OutboxService().append(m, 'personal_data.export', { exportId: request?.id ?? '' }));
    const done = await waitFor('the export to be ready', async () => {
      const [row] = (await ds.query(
        `SELECT status, done_steps, total_steps, storage_key FROM personal_data_export WHERE id = $1`,
        [request?.id],
      )) as { status: string; done_steps: number; total_steps: number; storage_key: string | null }[];
      return row && row.status !== 'queued' && row.status !== 'building' ? row : undefined;
    });
    expect(done).toEqual({
      status: 'ready',
      // One step per category (the person has no attachment).
      done_steps: EXPORT_CATEGORIES.length,
      total_steps: EXPORT_CATEGORIES.length,
      storage_key: `personal-data-exports/${request?.id}.tar.gz`,
    });
    expect(await new LocalDiskStorage(storageDir).size(done.storage_key ?? '')).toBeGreaterThan(0);
  });

  it('erases, on the retention job, only people deactivated longer than the setting, and removes expired archives', async () => {
    const old = await person('old-leaver', 45);
    const recent = await person('recent-leaver', 5);
    const key = 'personal-data-exports/expired.tar.gz';
    const storage = new LocalDiskStorage(storageDir);
    await storage.put(key, Buffer.from('old archive'));
    const owner = await person('archive-owner', null);
    await ds.query(
      `INSERT INTO personal_data_export (person_id, status, storage_key, expires_at) VALUES ($1, 'ready', $2, now() - interval '1 hour')`,
      [owner, key],
    );
    await ds.transaction((m) => new OutboxService().append(m, 'personal_data.retention', {}));
    await waitFor('the old leaver to be erased', async () => {
      const [row] = (await ds.query(`SELECT erased_at FROM person WHERE id = $1`, [old])) as {
        erased_at: Date | null;
      }[];
      return row?.erased_at ?? undefined;
    });
    const rows = (await ds.query(
      `SELECT id, family_name, erased_at IS NOT NULL AS erased FROM person WHERE id = ANY($1)`,
      [[old, recent]],
    )) as { id: string; family_name: string; erased: boolean }[];
    expect(new Map(rows.map((r) => [r.id, r.erased]))).toEqual(
      new Map([
        [old, true],
        [recent, false],
      ]),
    );
    expect(rows.find((r) => r.id === old)?.family_name).not.toBe('old-leaver');
    await waitFor('the expired archive to be removed', async () =>
      (await storage.size(key)) === null ? true : undefined,
    );
  });
});
