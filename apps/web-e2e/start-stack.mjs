#!/usr/bin/env node
// Playwright's webServer: the production-like stack for the browser tests. Builds the server and the
// web app (unless E2E_SKIP_BUILD=1), creates and migrates a fresh PostgreSQL database for this run,
// seeds the demo organisation (docs/demo-accounts.md), starts the built API serving dist/web on E2E_PORT with a unique queue prefix on the local Redis,
// and on SIGTERM/SIGINT stops the API and drops the database.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const adminUrl =
  process.env.E2E_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.E2E_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const port = process.env.E2E_PORT ?? '3100';
const suffix = randomBytes(4).toString('hex');
const dbName = `eclore_e2e_${suffix}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function log(message) {
  process.stdout.write(`[e2e stack] ${message}\n`);
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  log('building server and web app');
  execFileSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { cwd: root, stdio: 'inherit' });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const databaseUrl = dbUrl.toString();

let api;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => (api.kill('SIGKILL'), resolve()), 5000);
      api.once('exit', () => (clearTimeout(timer), resolve()));
    });
  }
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((err) =>
    log(`could not drop ${dbName}: ${err.message}`),
  );
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

try {
  await admin(`CREATE DATABASE "${dbName}"`);
  // The same migrations as production, through the compiled data source (as scripts/migrate.mjs does).
  const requireFromDist = createRequire(join(root, 'dist/server/migrations/index.js'));
  requireFromDist('reflect-metadata');
  const { DataSource } = requireFromDist('typeorm');
  const { dataSourceOptions } = requireFromDist('./index.js');
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    // The demo organisation, as `npm start` loads it: the browser tests sign in with its accounts.
    const { seed } = requireFromDist('./seed.js');
    await seed(ds);
  } finally {
    await ds.destroy();
  }
  log(`database ${dbName} migrated and seeded`);
} catch (err) {
  log(`database setup failed: ${err.message}`);
  await stop(1);
}

api = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: port,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    QUEUE_BACKEND: 'redis',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: process.env.E2E_QUEUE_PREFIX ?? `e2e${suffix}`,
    WEB_DIST_DIR: process.env.E2E_WEB_DIST_DIR ?? join(root, 'dist/web'),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  },
});
api.on('exit', (code, signal) => {
  if (!stopping) {
    log(`API exited unexpectedly (${signal ?? code})`);
    void stop(1);
  }
});
