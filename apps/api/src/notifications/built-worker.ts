// Test helper: the built worker (dist/server, `node scripts/build-server.mjs` first) as a real process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WORKER_MAIN = join(__dirname, '../../../../dist/server/apps/worker/src/main.js');

/** Polls `probe` until it is truthy; fails naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  probe: () => Promise<unknown> | unknown,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve(probe()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export async function startBuiltWorker(env: Record<string, string>): Promise<{ stop: () => Promise<void> }> {
  if (!existsSync(WORKER_MAIN))
    throw new Error(`${WORKER_MAIN} is missing: run \`node scripts/build-server.mjs\` first`);
  const child: ChildProcess = spawn(process.execPath, [WORKER_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', OUTBOX_POLL_INTERVAL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(
      'the worker to be ready',
      () => {
        if (child.exitCode !== null) throw new Error(`worker exited: ${out}`);
        return out.includes('Éclore worker ready');
      },
      30_000,
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
