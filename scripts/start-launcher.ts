// Test helpers for the `npm start` smoke tests (start.int-spec.ts, start-production.int-spec.ts):
// the launcher in its own process group, a free port, polling, a short-lived PostgreSQL client.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export const ROOT = join(__dirname, '..');
export const START_BOUND_MS = 120_000;
export const STOP_BOUND_MS = 30_000;
export const BANNER = 'Éclore is running';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T> | T,
  timeoutMs: number,
  everyMs = 250,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    await sleep(everyMs);
  }
}

/** `node scripts/start.mjs` in its own process group, so a failed test can kill it and its children. */
export class Launcher {
  readonly child: ChildProcess;
  output = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: Record<string, string>) {
    const inherited = { ...process.env };
    // The embedded mode is what "nothing configured" means: drop whatever the test run exports.
    for (const key of [
      'DATABASE_URL',
      'REDIS_URL',
      'QUEUE_BACKEND',
      'QUEUE_DATABASE_URL',
      'QUEUE_PREFIX',
      'DATABASE_POOL_SIZE',
      'WEB_DIST_DIR',
      'NODE_ENV',
      'HOST',
      'PUBLIC_URL',
      'ECLORE_DEMO_DATA',
      'ECLORE_ALLOW_DEMO_ACCOUNTS',
      'API_DOCS_PUBLIC',
    ]) {
      delete inherited[key];
    }
    this.child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [this.child.stdout!, this.child.stderr!])
      stream.setEncoding('utf8').on('data', (c: string) => (this.output += c));
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

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
