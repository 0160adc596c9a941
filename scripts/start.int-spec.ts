/**
 * Smoke test of `npm start` in embedded mode, exactly as a newcomer runs it: no DATABASE_URL, no
 * REDIS_URL. The launcher starts PGlite (data + queue), migrates, runs the api and the worker; we
 * check readiness, the web app, the OpenAPI document and a job processed end to end through the
 * embedded queue; then a clean stop, and a restart on the same data folder (persistence).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

const ROOT = join(__dirname, '..');
const START_BOUND_MS = 120_000;
const STOP_BOUND_MS = 30_000;
const BANNER = 'Éclore is running';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T> | T, timeoutMs: number, everyMs = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(everyMs);
  }
}

/** `node scripts/start.mjs` in its own process group, so a failed test can kill it and its children. */
class Launcher {
  readonly child: ChildProcess;
  output = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: Record<string, string>) {
    const inherited = { ...process.env };
    // The embedded mode is what "nothing configured" means: drop whatever the test run exports.
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'QUEUE_DATABASE_URL', 'QUEUE_PREFIX', 'DATABASE_POOL_SIZE', 'WEB_DIST_DIR', 'NODE_ENV', 'HOST', 'PUBLIC_URL']) {
      delete inherited[key];
    }
    this.child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) stream.setEncoding('utf8').on('data', (c: string) => (this.output += c));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  async ready(): Promise<void> {
    await waitFor(
      `the banner "${BANNER}"`,
      () => {
        if (this.exit) throw new Error(`start.mjs exited early (${JSON.stringify(this.exit)}):\n${this.output}`);
        return this.output.includes(BANNER);
      },
      START_BOUND_MS,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- start.mjs output ---\n${this.output}`);
    });
  }

  databaseUrl(): string {
    const match = /Database \(psql\)\s+(postgres:\/\/\S+)/.exec(this.output);
    if (!match) throw new Error(`no database URL in the banner:\n${this.output}`);
    return match[1]!;
  }

  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill('SIGTERM');
    const bound = new AbortController();
    const timeout = sleep(STOP_BOUND_MS, 'timeout' as const, { signal: bound.signal }).catch(() => 'stopped' as const);
    const result = await Promise.race([this.exited, timeout]);
    bound.abort();
    if (result === 'timeout') throw new Error(`start.mjs did not stop within ${STOP_BOUND_MS} ms:\n${this.output}`);
    return result as { code: number | null; signal: NodeJS.Signals | null };
  }

  /** Last resort after a failed test: the whole group (launcher, api, worker). */
  kill(): void {
    if (this.exit || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('npm start, embedded mode (PGlite, no PostgreSQL or Redis configured)', () => {
  let dataDir: string;
  let port: number;
  let launcher: Launcher | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'eclore-start-'));
    port = await freePort();
  });

  afterEach(() => launcher?.kill());

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = () =>
    new Launcher({
      ECLORE_DATA_DIR: dataDir,
      PORT: String(port),
      // Build only what is missing: rebuilding dist/ here could pull it from under other tests.
      ECLORE_BUILD: 'if-missing',
    });
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;

  it('starts, serves the app, processes a job through the embedded queue, stops cleanly and restarts on its data', async () => {
    launcher = start();
    await launcher.ready();
    expect(launcher.output).toContain(`Data / Données           ${dataDir}`);

    const ready = await fetch(url('/api/ready'));
    expect(ready.status).toBe(200);
    const readyBody = (await ready.json()) as { details: Record<string, { status: string }> };
    expect(readyBody.details['database']).toEqual({ status: 'up' });
    expect(readyBody.details['queue']).toEqual({ status: 'up' });

    const home = await fetch(url('/'));
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await home.text()).toLowerCase()).toContain('<!doctype html>');

    const openapi = await fetch(url('/api/openapi.json'));
    expect(openapi.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);

    // A job end to end: an outbox row → the worker's relay → BullMQ on the queue PGlite → the probe handler's receipt.
    const probeId = `smoke-${Date.now()}`;
    const dbUrl = launcher.databaseUrl();
    await withClient(dbUrl, (c) => c.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('platform.probe', $1)`, [{ probeId }]));
    const receipt = await waitFor(
      'the probe receipt',
      () => withClient(dbUrl, async (c) => (await c.query(`SELECT key FROM job_receipt WHERE key = $1`, [`platform.probe:${probeId}`])).rows[0]),
      60_000,
      500,
    );
    expect(receipt).toEqual({ key: `platform.probe:${probeId}` });

    expect(await launcher.stop()).toEqual({ code: 0, signal: null });
    expect(launcher.output).toContain('Stopped.');

    // Same data folder: comes up again, nothing left to migrate, the receipt is still there.
    launcher = start();
    await launcher.ready();
    expect(launcher.output).toContain('Migrating the database… up to date');
    const again = await fetch(url('/api/ready'));
    expect(again.status).toBe(200);
    const kept = await withClient(launcher.databaseUrl(), (c) => c.query(`SELECT key FROM job_receipt WHERE key = $1`, [`platform.probe:${probeId}`]));
    expect(kept.rowCount).toBe(1);
    expect(await launcher.stop()).toEqual({ code: 0, signal: null });
  }, 4 * START_BOUND_MS);
});
