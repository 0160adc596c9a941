#!/usr/bin/env node
// Playwright's webServer: the production-like stack for the browser tests. Builds the server and the
// web app (unless E2E_SKIP_BUILD=1), creates and migrates a fresh PostgreSQL database for this run,
// seeds the demo organisation (docs/demo-accounts.md), starts a real OpenID Connect provider
// (test/oidc-provider.mjs) whose accounts are the demo people plus one stranger, starts the built API
// serving dist/web on E2E_PORT (single sign-on on) and the built worker (directory imports, outbox),
// both with a unique queue prefix on the local Redis and one temporary file store,
// and on SIGTERM/SIGINT stops them all and drops the database.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startOidcProvider } from '../../test/oidc-provider.mjs';

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
let worker;
let idp;
let mailSink;
let storageDir;
let stopping = false;

async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 5000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
  });
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all([stopChild(api), stopChild(worker)]);
  await idp?.close().catch((err) => log(`could not stop the OIDC provider: ${err.message}`));
  await new Promise((resolve) => (mailSink ? mailSink.close(resolve) : resolve()));
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
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

const publicUrl = `http://127.0.0.1:${port}`;
try {
  // Every demo person has an account at the provider with the same (verified) e-mail, so the first
  // single sign-on links them by e-mail as it would at a real intranet; subjects differ from Éclore's ids.
  const { DEMO_PEOPLE, demoEmail } = createRequire(join(root, 'dist/server/migrations/index.js'))(
    './seed/demo-organisation.js',
  );
  const accounts = Object.fromEntries(
    DEMO_PEOPLE.map((p) => [
      `idp-${p.number}`,
      { email: demoEmail(p), email_verified: true, given_name: p.givenName, family_name: p.familyName },
    ]),
  );
  // Known to the provider, unknown to the directory: oidc.e2e.ts checks the refusal.
  accounts['idp-stranger'] = {
    email: 'stranger@elsewhere.example',
    email_verified: true,
    given_name: 'Sam',
    family_name: 'Stranger',
  };
  idp = await startOidcProvider({ redirectUris: [`${publicUrl}/api/auth/oidc/callback`], accounts });
  log(`OpenID Connect provider at ${idp.issuer}`);
} catch (err) {
  log(`OpenID Connect provider failed to start: ${err.message}`);
  await stop(1);
}

// Notification e-mails go to an SMTP server in this process that accepts and drops them (the tests
// check what was sent through the delivery records).
const { SMTPServer } = createRequire(import.meta.url)('smtp-server');
mailSink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  closeTimeout: 1000,
  onData(stream, _session, callback) {
    stream.on('end', () => callback());
    stream.resume();
  },
});
await new Promise((resolve) => mailSink.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${mailSink.server.address().port}`;

// The api stores uploads (directory imports) where the worker reads them.
storageDir = mkdtempSync(join(tmpdir(), `eclore-e2e-${suffix}-`));
const env = {
  ...process.env,
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PUBLIC_URL: publicUrl,
  DATABASE_URL: databaseUrl,
  QUEUE_BACKEND: 'redis',
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: process.env.E2E_QUEUE_PREFIX ?? `e2e${suffix}`,
  STORAGE_DRIVER: 'local',
  STORAGE_DIR: storageDir,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  OIDC_ISSUER_URL: idp.issuer,
  OIDC_CLIENT_ID: idp.clientId,
  OIDC_CLIENT_SECRET: idp.clientSecret,
  SMTP_URL: smtpUrl,
};

function start(name, main, extraEnv) {
  const child = spawn(process.execPath, [join(root, main)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited unexpectedly (${signal ?? code})`);
      void stop(1);
    }
  });
  return child;
}

api = start('API', 'dist/server/apps/api/src/main.js', {
  PORT: port,
  WEB_DIST_DIR: process.env.E2E_WEB_DIST_DIR ?? join(root, 'dist/web'),
});
worker = start('worker', 'dist/server/apps/worker/src/main.js', {});
