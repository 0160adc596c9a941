// Entry of the api image: applies pending migrations, then starts the api in this same process.
// Several api replicas may start together, so the migrations run under a PostgreSQL advisory lock:
// the first replica migrates, the others wait for it and then find nothing left to do.
'use strict';
require('reflect-metadata');
const { join } = require('node:path');
const { DataSource } = require('typeorm');

const dist = join(__dirname, '..', 'dist', 'server');
const { dataSourceOptions } = require(join(dist, 'migrations', 'index.js'));

// Any constant shared by every replica; "eclore" in ASCII.
const MIGRATION_LOCK_KEY = 0x65636c6f7265;

async function migrate(url) {
  const dataSource = new DataSource(dataSourceOptions(url, { logging: ['error', 'migration'] }));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length > 0
        ? `Applied migrations: ${applied.map((m) => m.name).join(', ')}\n`
        : 'Database schema is up to date\n',
    );
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * Demo accounts share the password published in the README: a production api does not start while
 * any can sign in (npm start checks the same), unless ECLORE_ALLOW_DEMO_ACCOUNTS=1.
 */
async function refuseDemoAccounts(url) {
  const { countDemoAccounts } = require(join(dist, 'migrations', 'demo-accounts.js'));
  const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 1, logging: ['error'] }));
  await dataSource.initialize();
  let count;
  try {
    count = await countDemoAccounts(dataSource);
  } finally {
    await dataSource.destroy();
  }
  if (count === 0) return;
  const message = `${count} demo account(s) can sign in with the password published in the README. Disable them: npm run demo-accounts -- --disable (DATABASE_URL set)`;
  if (process.env.ECLORE_ALLOW_DEMO_ACCOUNTS === '1') {
    process.stderr.write(`WARNING: ${message}\n`);
    return;
  }
  process.stderr.write(`Éclore api: refusing to start in production: ${message}; ECLORE_ALLOW_DEMO_ACCOUNTS=1 starts anyway.\n`);
  process.exit(1);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // The api's own configuration check names every missing variable; let it speak.
    require(join(dist, 'apps', 'api', 'src', 'main.js'));
    return;
  }
  // Migrations run as the schema owner when MIGRATION_DATABASE_URL names one (docs/operations.md).
  if (process.env.MIGRATE_ON_START !== 'false') await migrate(process.env.MIGRATION_DATABASE_URL || url);
  if (process.env.NODE_ENV === 'production') await refuseDemoAccounts(url);
  require(join(dist, 'apps', 'api', 'src', 'main.js'));
}

main().catch((err) => {
  process.stderr.write(`Éclore api: migrations failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
