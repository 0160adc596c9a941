// What every benchmark under bench/ needs: where the repository is, a private SWC build of the
// server code, the scratch database (admin connection, migrations), signing in to a running api,
// and the timing helpers. One copy, so a change to how the server is built or migrated reaches
// every bench at once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The PostgreSQL server's maintenance database, where scratch databases are created and dropped. */
export const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the same server as adminUrl. */
export function databaseUrl(name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the maintenance database (CREATE / DROP DATABASE, catalogue reads). */
export async function adminQuery(sql, values) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/**
 * Compiles the server code with SWC into `out` (recreated; never dist/server, which tests and running
 * servers may be using): the domain, the server libraries, the migrations, and the given apps
 * (e.g. ['apps/api/src']). `copyFiles` also copies non-TypeScript files (the e-mail templates).
 * Without `out`, a fresh private folder under dist/ is made. Returns the folder.
 */
export function compile({ out, apps = [], copyFiles = false } = {}) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  if (out) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  }
  const dir = out ?? mkdtempSync(join(root, 'dist', '.bench-build-'));
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@swc/cli/bin/swc.js'),
      ...apps,
      'libs/domain/src',
      'libs/server',
      'migrations',
      '-d',
      dir,
      '--config-file',
      '.swcrc',
      ...(copyFiles ? ['--copy-files'] : []),
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  return dir;
}

/** Applies the migrations of a build to `dbUrl` (typeorm's CLI, as `npm run migration:run` does). */
export function migrate(build, dbUrl) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(build, 'migrations', 'data-source.js')],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: dbUrl } },
  );
}

/** The build's password hashing, to give a generated person a password the api accepts. */
export function hashPasswordOf(build) {
  const require = createRequire(join(build, 'libs/server/identity/src/index.js'));
  return require(join(build, 'libs/server/identity/src/auth/password.js')).hashPassword;
}

/** Signs in to the api on `port`: the session cookie and its CSRF token, for the requests that follow. */
export async function signIn(port, email, password) {
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await (await fetch(`${base}/api/session`, { headers: { cookie } })).json();
  return { cookie, csrf: session.csrfToken };
}

/** The machine the figures were measured on, for the first line of a bench's output. */
export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`;
}

/** The p-th percentile (0–100) of an ascending array of numbers. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds as seconds: `secs(1234) === '1.2 s'`. */
export function secs(ms, digits = 1) {
  return `${(ms / 1000).toFixed(digits)} s`;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A deterministic id the API accepts: the md5 of `expr` with the RFC 4122 version (4) and variant
 * (10xx) bits set. A bare md5::uuid fails class-validator's IsUUID for 7 ids in 8.
 */
export const benchUuid = (expr) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Share of the machine's CPU time that was busy over `ms` (from /proc/stat; null where there is none). */
export async function machineBusy(ms) {
  const sample = () => {
    try {
      const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
      return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = sample();
  await sleep(ms);
  const b = sample();
  return a && b ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat (NaN where there is none). */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

/**
 * The machine is shared (other people's builds and tests): before a measured run, wait until it has
 * been quiet (under BENCH_QUIET_BUSY of its CPU busy, default 0.15, over 5 s) for at most
 * BENCH_QUIET_WAIT seconds (default 600), and report how busy it was then and during the run.
 */
export async function waitQuiet() {
  const limit = Number(process.env.BENCH_QUIET_BUSY ?? 0.15);
  const deadline = Date.now() + Number(process.env.BENCH_QUIET_WAIT ?? 600) * 1000;
  let busy = await machineBusy(5000);
  while (busy !== null && busy > limit && Date.now() < deadline) busy = await machineBusy(5000);
  return busy;
}
