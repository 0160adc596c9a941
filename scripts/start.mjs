#!/usr/bin/env node
// `npm start`: Éclore on this machine with nothing but Node and `npm install`.
//  - Builds the server (SWC) and the web app when missing or older than their sources.
//  - Embedded mode (no DATABASE_URL): PGlite for the data and a second PGlite for BullMQ's
//    PostgreSQL backend, served on local ports; data kept in ECLORE_DATA_DIR (default .eclore/data).
//  - Production mode (DATABASE_URL and REDIS_URL set): uses them.
//  Then: migrations, the demo data (embedded mode, or when asked for; never in production), the api
//  and the worker as child processes, a banner once /api/ready answers 200. Ctrl-C / SIGTERM stops
//  everything cleanly.
// Variables of its own: ECLORE_DATA_DIR, ECLORE_BUILD (auto | if-missing | never),
// ECLORE_LOG_FORMAT (pretty | json), ECLORE_READY_TIMEOUT_MS, ECLORE_DB_PORT (embedded data port),
// ECLORE_DEMO_DATA (1: load the demo organisation, also with DATABASE_URL outside production; 0: not
// even in embedded mode; `npm start -- --demo` = 1), ECLORE_ALLOW_DEMO_ACCOUNTS (1: start in
// production although demo accounts can sign in; see docs/configuration.md).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plan, runQuiet, serverTargets } from './embedded/build.mjs';
import { startService } from './embedded/services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const t0 = Date.now();
const env = process.env;
const tty = Boolean(process.stdout.isTTY);
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[22m` : s);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[39m` : s);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const step = (message) => process.stdout.write(`• ${message}\n`);
const WORKER_READY = 'Éclore worker ready';
/** Pool of each of the api and the worker in embedded mode: every query shares one session anyway. */
const EMBEDDED_POOL_SIZE = 3;

function fail(en, fr, code = 1) {
  process.stderr.write(`${red('✖')} ${en}\n  ${fr}\n`);
  process.exit(code);
}

// ---------------------------------------------------------------- mode and settings
const port = Number(env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, got "${env.PORT}".`, `PORT doit être un numéro de port, reçu « ${env.PORT} ».`, 2);
const host = env.HOST || '0.0.0.0';
const embedded = !env.DATABASE_URL;
if (embedded && env.REDIS_URL) {
  fail(
    'REDIS_URL is set but DATABASE_URL is not: set both for production mode, or neither for embedded mode.',
    'REDIS_URL est défini sans DATABASE_URL : définissez les deux (mode production) ou aucun (mode embarqué).',
    2,
  );
}
const productionQueueOnPostgres = env.QUEUE_BACKEND === 'postgres' && Boolean(env.QUEUE_DATABASE_URL);
if (!embedded && !env.REDIS_URL && !productionQueueOnPostgres) {
  fail(
    'DATABASE_URL is set but REDIS_URL is not: production mode needs both (e.g. REDIS_URL=redis://127.0.0.1:6379). Unset DATABASE_URL for the embedded mode.',
    'DATABASE_URL est défini sans REDIS_URL : le mode production demande les deux (ex. REDIS_URL=redis://127.0.0.1:6379). Retirez DATABASE_URL pour le mode embarqué.',
    2,
  );
}
const buildPolicy = env.ECLORE_BUILD ?? 'auto';
if (!['auto', 'if-missing', 'never'].includes(buildPolicy)) fail(`ECLORE_BUILD must be auto, if-missing or never.`, `ECLORE_BUILD vaut auto, if-missing ou never.`, 2);
const dataDir = resolve(root, env.ECLORE_DATA_DIR || '.eclore/data');

// Demo data: its accounts share a password published in the README, so a production database never
// gets them. The children run with NODE_ENV=production in production mode unless told otherwise.
const production = (env.NODE_ENV || (embedded ? 'development' : 'production')) === 'production';
const flag = (name, value) => {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  fail(`${name} must be 1 or 0, got "${value}".`, `${name} vaut 1 ou 0, reçu « ${value} ».`, 2);
};
const demoAsked = process.argv.includes('--demo') ? true : flag('ECLORE_DEMO_DATA', env.ECLORE_DEMO_DATA);
const allowDemoAccounts = flag('ECLORE_ALLOW_DEMO_ACCOUNTS', env.ECLORE_ALLOW_DEMO_ACCOUNTS) === true;
if (production && demoAsked) {
  fail(
    'Demo data is never loaded in production (NODE_ENV=production): its accounts share the password published in the README. Use NODE_ENV=development for a demonstration on your own PostgreSQL.',
    'Les données de démonstration ne sont jamais chargées en production (NODE_ENV=production) : leurs comptes partagent le mot de passe publié dans le README. Utilisez NODE_ENV=development pour une démonstration sur votre PostgreSQL.',
    2,
  );
}
const loadDemo = !production && (demoAsked ?? embedded);

process.stdout.write(`${bold('Éclore')} — ${embedded ? 'embedded mode (PGlite, no services needed)' : 'production mode (PostgreSQL + Redis)'}\n`);

// ---------------------------------------------------------------- port
await new Promise((resolvePort) => {
  const probe = createServer();
  probe.once('error', (err) => {
    if (err.code === 'EADDRINUSE') {
      fail(
        `Port ${port} is already in use (another Éclore, or another program). Stop it, or choose another port: PORT=${port + 1} npm start`,
        `Le port ${port} est déjà utilisé (un autre Éclore ou un autre programme). Arrêtez-le ou choisissez un autre port : PORT=${port + 1} npm start`,
      );
    }
    fail(`Cannot listen on ${host}:${port}: ${err.message}`, `Impossible d'écouter sur ${host}:${port} : ${err.message}`);
  });
  probe.listen(port, host, () => probe.close(resolvePort));
});

// ---------------------------------------------------------------- builds
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const hasWebScript = Boolean(pkg.scripts?.['build:web']);
const todo = plan(root, buildPolicy, hasWebScript);
async function build(label, command, args, why) {
  process.stdout.write(`• Building ${label} (${why})… `);
  try {
    const ms = await runQuiet(command, args, { cwd: root, env: { ...env, FORCE_COLOR: '0' } });
    process.stdout.write(`done in ${seconds(ms)}\n`);
  } catch (err) {
    process.stdout.write(red('failed\n'));
    fail(`Building ${label} failed: ${err.message}`, `La construction (${label}) a échoué.`);
  }
}
if (todo.server) await build('the server', process.execPath, [join(root, 'scripts/build-server.mjs')], todo.server);
if (todo.web) {
  const npm = env.npm_execpath ? [process.execPath, [env.npm_execpath]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  await build('the web app', npm[0], [...npm[1], 'run', '--silent', 'build:web'], todo.web);
}
if (!todo.server && !todo.web) step('Builds are up to date');
const targets = serverTargets(root);
for (const [name, file] of [['api', targets.api], ['worker', targets.worker], ['migrations', targets.migrations]]) {
  if (!existsSync(file)) fail(`The ${name} build is missing (${relative(root, file)}); run: node scripts/build-server.mjs`, `La construction (${name}) manque ; lancez : node scripts/build-server.mjs`);
}
const webDir = join(root, 'dist/web');
const webBuilt = existsSync(join(webDir, 'index.html'));
if (!webBuilt) step('No web build (dist/web): serving the API only');

// ---------------------------------------------------------------- lifecycle
const services = [];
let databases = null;
let lockFile = null;
let stopping = false;
let shutdownPromise = null;

function shutdown(code, reason) {
  if (shutdownPromise) return shutdownPromise;
  stopping = true;
  shutdownPromise = (async () => {
    if (reason) process.stdout.write(`\n${reason}\n`);
    const running = services.filter((s) => s.running);
    if (running.length) step(`Stopping ${running.map((s) => s.name).join(' and ')}…`);
    await Promise.all(running.map((s) => s.stop()));
    if (databases) {
      step('Closing the embedded databases…');
      await databases.stop();
    }
    if (lockFile) rmSync(lockFile, { force: true });
    step(code === 0 ? 'Stopped.' : 'Stopped after an error.');
    process.exit(code);
  })();
  return shutdownPromise;
}

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    signals += 1;
    if (signals === 1) void shutdown(0, `Received ${signal}, stopping (Ctrl-C again kills the api and the worker at once).`);
    // A second signal: no more grace for the children, but the databases still close cleanly.
    else for (const s of services) if (s.running) void s.stop(0);
  });
}
process.on('uncaughtException', (err) => void shutdown(1, `${red('✖')} Launcher error: ${err.stack ?? err}`));
process.on('unhandledRejection', (err) => void shutdown(1, `${red('✖')} Launcher error: ${err?.stack ?? err}`));

// ---------------------------------------------------------------- data services
let databaseUrl = env.DATABASE_URL;
const queueEnv = {};
let poolSize = env.DATABASE_POOL_SIZE;
if (embedded) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir, { recursive: true });
  lockFile = join(dataDir, 'eclore.pid');
  if (existsSync(lockFile)) {
    const other = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      alive = other > 0 && other !== process.pid && process.kill(other, 0);
    } catch {
      alive = false;
    }
    if (alive) {
      lockFile = null; // not ours: leave it
      fail(`Another Éclore (pid ${other}) is using ${dataDir}. Stop it first, or set ECLORE_DATA_DIR.`, `Un autre Éclore (pid ${other}) utilise ${dataDir}. Arrêtez-le ou définissez ECLORE_DATA_DIR.`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  poolSize = String(Number(env.DATABASE_POOL_SIZE) || EMBEDDED_POOL_SIZE);
  // Connections ever opened, so none is refused (pglite-socket refuses beyond maxConnections):
  //  data: the api's and the worker's pools, plus 4 for the launcher's migration run and a psql.
  //  queue: BullMQ opens per backend a pg.Pool (max 10, not configurable through queueOptions)
  //  and one LISTEN client; a process has at most a Queue, a Worker and a QueueEvents per queue.
  const { QUEUE_NAMES } = require(targets.registry);
  const dataConnections = 2 * Number(poolSize) + 4;
  const queueConnections = QUEUE_NAMES.length * 2 * 3 * 11 + 4;
  const { startEmbeddedDatabases } = await import('./embedded/databases.mjs');
  const t = Date.now();
  process.stdout.write(`• Starting the embedded databases in ${dataDir}… `);
  try {
    databases = await startEmbeddedDatabases(dataDir, { dataConnections, queueConnections });
  } catch (err) {
    process.stdout.write(red('failed\n'));
    await shutdown(1, `${red('✖')} PGlite could not open ${dataDir}: ${err.stack ?? err}`);
  }
  process.stdout.write(`done in ${seconds(Date.now() - t)}\n`);
  databaseUrl = databases.dataUrl;
  Object.assign(queueEnv, { QUEUE_BACKEND: 'postgres', QUEUE_DATABASE_URL: databases.queueUrl, REDIS_URL: '' });
}

// ---------------------------------------------------------------- migrations and seed
let demoState = 'none';
{
  const t = Date.now();
  process.stdout.write('• Migrating the database… ');
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(targets.migrations);
  // As the schema owner when MIGRATION_DATABASE_URL names one (production mode; docs/operations.md).
  const migrationUrl = (!embedded && env.MIGRATION_DATABASE_URL) || databaseUrl;
  const dataSource = new DataSource(dataSourceOptions(migrationUrl, { poolSize: 1, logging: ['error'] }));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(`${applied.length ? `${applied.length} applied` : 'up to date'} (${seconds(Date.now() - t)})\n`);
    if (embedded) {
      // BullMQ's own tables in the queue instance, created here once rather than raced by the api
      // and the worker at boot (same function BullMQ runs for `migrate: true`).
      const { runMigrations } = require('bullmq');
      const pg = require('pg');
      const client = new pg.Client({ connectionString: databases.queueUrl });
      await client.connect();
      try {
        await runMigrations(client, 'public');
      } finally {
        await client.end();
      }
    }
    if (loadDemo) {
      const { seed } = require(targets.seed);
      process.stdout.write('• Demo data… ');
      const result = await seed(dataSource);
      demoState = result.applied ? 'loaded' : 'skipped';
      process.stdout.write(result.applied ? 'ready\n' : 'skipped: the directory holds real people\n');
    } else {
      step(`No demo data (${production ? 'production' : demoAsked === false ? 'ECLORE_DEMO_DATA=0' : 'not asked for: ECLORE_DEMO_DATA=1 loads it'})`);
    }
    if (production) {
      const { countDemoAccounts } = require(targets.demoAccounts);
      const count = await countDemoAccounts(dataSource);
      if (count > 0) {
        const en = `${count} demo account(s) of this production database can sign in with the password published in the README (admin and guardian included). Disable them: DATABASE_URL=… npm run demo-accounts -- --disable`;
        const fr = `${count} compte(s) de démonstration de cette base de production peuvent se connecter avec le mot de passe publié dans le README (admin et tiers de confiance compris). Désactivez-les : DATABASE_URL=… npm run demo-accounts -- --disable`;
        if (!allowDemoAccounts) {
          process.stdout.write(red('refused\n'));
          await shutdown(1, `${red('✖')} ${en}\n  ${fr}\n  (ECLORE_ALLOW_DEMO_ACCOUNTS=1 starts anyway.)`);
        }
        process.stderr.write(`${red(bold('⚠ WARNING / ATTENTION'))} ${en}\n  ${fr}\n`);
        demoState = `${count} demo account(s) active: see the warning above`;
      }
    }
  } catch (err) {
    process.stdout.write(red('failed\n'));
    await shutdown(1, `${red('✖')} ${err.stack ?? err}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

// ---------------------------------------------------------------- api and worker
const childEnv = {
  ...env,
  ...queueEnv,
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: env.LOG_LEVEL || 'info',
  PUBLIC_URL: env.PUBLIC_URL || `http://localhost:${port}`,
  ...(poolSize ? { DATABASE_POOL_SIZE: poolSize } : {}),
  ...(webBuilt ? { WEB_DIST_DIR: webDir } : {}),
};
if (!embedded) childEnv.NODE_ENV = env.NODE_ENV || 'production';
const pretty = (env.ECLORE_LOG_FORMAT ?? 'pretty') !== 'json';
let workerReady;
const workerReadyPromise = new Promise((r) => (workerReady = r));
function onExit(name) {
  return (code, signal) => {
    if (stopping) return;
    const service = services.find((s) => s.name === name);
    // Ctrl-C in a terminal reaches the whole process group: a child ending on SIGINT is that, not a crash.
    if (signal === 'SIGINT') return void shutdown(0, 'Stopping (Ctrl-C).');
    const last = service ? service.recentLines().slice(-15).map((l) => `    ${l}`).join('\n') : '';
    void shutdown(1, `${red('✖')} The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}). Its last lines:\n${last}`);
  };
}
step('Starting the api and the worker…');
for (const [name, entry] of [['api', targets.api], ['worker', targets.worker]]) {
  services.push(
    startService({
      name,
      entry,
      env: childEnv,
      cwd: root,
      width: 6,
      pretty,
      colorize: tty,
      onLine: name === 'worker' ? (line) => line.includes(WORKER_READY) && workerReady() : undefined,
      onExit: onExit(name),
    }),
  );
}

// ---------------------------------------------------------------- readiness and banner
const readyTimeout = Number(env.ECLORE_READY_TIMEOUT_MS) || 180_000;
async function status(path) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' };
  }
}
async function until(path) {
  let last;
  while (Date.now() - t0 < readyTimeout && !stopping) {
    last = await status(path);
    if (last.status === 200) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!stopping) await shutdown(1, `${red('✖')} ${path} did not answer 200 within ${seconds(readyTimeout)}; last answer: ${last?.status || 'none'} ${last?.body ?? ''}`);
  return false;
}
// /api/health is not logged by the api; /api/ready is asked once it answers (keeps the logs short).
if ((await until('/api/health')) && (await until('/api/ready'))) {
  const timer = setTimeout(() => step(`Waiting for the worker to print "${WORKER_READY}"…`), 5000);
  await workerReadyPromise;
  clearTimeout(timer);
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `${bold('Éclore is running / Éclore est démarré')}  (${seconds(Date.now() - t0)})`,
    `  App / Application        ${bold(url)}${webBuilt ? '' : '  (no web build: API only)'}`,
    `  API docs / Doc. de l'API ${url}/api/docs${production && !/^(1|true|yes)$/i.test(env.API_DOCS_PUBLIC ?? '') ? '  (sign-in required / connexion requise)' : ''}`,
    `  Mode                     ${embedded ? 'embedded / embarqué (PGlite)' : 'production (PostgreSQL + Redis)'}${production ? ', NODE_ENV=production' : ''}`,
    `  Demo data / Démo         ${demoState === 'loaded' ? 'loaded / chargées (docs/demo-accounts.md)' : demoState === 'skipped' ? 'not loaded: real directory / non chargées : annuaire réel' : demoState === 'none' ? 'none / aucune' : red(demoState)}`,
    ...(embedded
      ? [
          `  Data / Données           ${dataDir}`,
          `  Database (psql)          ${databases.dataUrl}`,
        ]
      : []),
    `  Stop / Arrêter           Ctrl-C`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
