// Builds what `npm start` needs when it is missing or older than its sources, with one short
// progress line per build (the full output is shown only when a build fails).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const IGNORED_DIRS = new Set(['node_modules', 'dist', '.nx', 'out-tsc', 'coverage']);

/** Newest modification time (ms) of the files under `paths` (folders walked; tests included, harmless). */
function newestMtime(root, paths) {
  let newest = 0;
  const walk = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (!IGNORED_DIRS.has(name)) walk(join(path, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) walk(join(root, p));
  return newest;
}

const oldestMtime = (files) => Math.min(...files.map((f) => statSync(f).mtimeMs));

export function serverTargets(root) {
  const out = join(root, 'dist/server');
  return {
    api: join(out, 'apps/api/src/main.js'),
    worker: join(out, 'apps/worker/src/main.js'),
    migrations: join(out, 'migrations/data-source-options.js'),
    seed: join(out, 'migrations/seed.js'),
    demoAccounts: join(out, 'migrations/demo-accounts.js'),
    registry: join(out, 'libs/server/platform/src/queues/registry.js'),
  };
}

/** What to build. `policy`: auto (missing or stale), if-missing, never. */
export function plan(root, policy, hasWebScript) {
  const t = serverTargets(root);
  const serverOutputs = [t.api, t.worker, t.migrations];
  const serverMissing = serverOutputs.some((f) => !existsSync(f));
  const serverStale =
    !serverMissing &&
    newestMtime(root, ['apps/api/src', 'apps/worker/src', 'libs/domain/src', 'libs/server', 'migrations', '.swcrc', 'tsconfig.base.json']) >
      oldestMtime(serverOutputs);
  const webIndex = join(root, 'dist/web/index.html');
  const webMissing = !existsSync(webIndex);
  const webStale =
    !webMissing &&
    newestMtime(root, ['apps/web', 'libs/web', 'libs/domain/src', 'libs/api-client/src']) > statSync(webIndex).mtimeMs;
  const want = (missing, stale) => (policy === 'never' ? false : policy === 'if-missing' ? missing : missing || stale);
  return {
    server: want(serverMissing, serverStale) && (serverMissing ? 'missing' : 'stale'),
    web: hasWebScript && want(webMissing, webStale) && (webMissing ? 'missing' : 'stale'),
    webMissing,
  };
}

/** Runs a build quietly; resolves with its duration, or rejects with the tail of its output. */
export function runQuiet(command, args, { cwd, env }) {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(Date.now() - t0);
      else {
        const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
        reject(new Error(`exited with ${signal ?? code}\n${lines.slice(-40).join('\n')}`));
      }
    });
  });
}
