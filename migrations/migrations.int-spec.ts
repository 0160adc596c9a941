import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../test/database';
import { dataSourceOptions, MIGRATIONS } from './index';

/** The schema changes only through committed migrations, and those migrations match the entities. */
describe('migrations', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('keeps synchronize off', () => {
    expect(ds.options.synchronize).toBe(false);
    expect(ds.options.migrationsRun).toBe(false);
  });

  it('leaves no schema drift: migration:generate would produce nothing', async () => {
    // The template database was migrated to the latest migration by the global setup.
    const pending = await ds.showMigrations();
    expect(pending).toBe(false);
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reverts every migration and re-applies them cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`);
    expect(tables).toEqual([]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries).toEqual([]);
  });
});
