// Test helper (integration tests only): runs the built worker as a real process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..', '..', '..');
export const WORKER_MAIN = join(ROOT, 'dist/server/apps/worker/src/main.js');

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T> | T,
  timeoutMs = 15_000,
  everyMs = 50,
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
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    }
    await sleep(everyMs);
  }
}

export interface LogLine {
  msg?: string;
  jobId?: string;
  jobName?: string;
  queue?: string;
  durationMs?: number;
  [key: string]: unknown;
}

/** A worker process spawned from the server build (`node scripts/build-server.mjs` first). */
export class WorkerProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        OUTBOX_POLL_INTERVAL_MS: '100',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: run \`node scripts/build-server.mjs\` first`);
    const worker = new WorkerProcess(env);
    let exit: { code: number | null } | undefined;
    void worker.exited.then((e) => (exit = e));
    await waitFor(
      'the worker to print "Éclore worker ready"',
      () => {
        if (exit)
          throw new Error(
            `worker exited with ${exit.code} before ready:\n${worker.stderr}\n${worker.stdout.slice(-2000)}`,
          );
        return worker.stdout.includes('Éclore worker ready');
      },
      20_000,
    ).catch((err: unknown) => {
      worker.child.kill('SIGKILL');
      throw err;
    });
    return worker;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  logLines(): LogLine[] {
    return this.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  }

  /** Sends `signal` and waits (bounded) for the process to end. */
  async stop(
    signal: NodeJS.Signals = 'SIGTERM',
    timeoutMs = 15_000,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.alive) return this.exited;
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(
          new Error(
            `worker did not exit within ${timeoutMs} ms of ${signal}:\n${this.stdout.slice(-2000)}\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
