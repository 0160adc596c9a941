#!/usr/bin/env node
// `npm test`: the whole suite against real PostgreSQL and Redis, then the browser tests in Debian's
// chromium. Provides the services when they are missing (apt when root or sudo is available,
// otherwise says what to install), and ends with one plain line `N passed, N failed, N skipped`
// summed over every runner (CI reads that line).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'test');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const args = new Set(process.argv.slice(2));
const started = Date.now();

function log(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

function run(label, command, commandArgs, options = {}) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    // A check that runs beside another keeps its output until it ends, so the two do not interleave.
    const child = spawn(command, commandArgs, {
      cwd: root,
      stdio: options.quietUntilDone ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...options.env },
    });
    const kept = [];
    child.stdout?.on('data', (chunk) => kept.push(chunk));
    child.stderr?.on('data', (chunk) => kept.push(chunk));
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (kept.length) process.stdout.write(Buffer.concat(kept));
      process.stdout.write(`  ${label}: ${code === 0 ? 'ok' : `FAILED (${signal ?? code})`} in ${seconds} s\n`);
      resolve(code === 0);
    });
  });
}

/** A check that is not a test runner (build, typecheck, lint) counts as one test: red if it fails. */
async function check(label, command, commandArgs, options) {
  const ok = await run(label, command, commandArgs, options);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
  return ok;
}

/**
 * apps/web-e2e/start-stack.mjs in the background on E2E_PORT (3100). `ready` resolves to its address
 * once /api/ready answers, or to null if it exits or is not up within four minutes; `stop` ends it
 * (it drops its database on SIGTERM).
 */
function startE2eStack() {
  const port = process.env.E2E_PORT ?? '3100';
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'apps/web-e2e/start-stack.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The build step above already built server and web.
    env: { ...process.env, E2E_SKIP_BUILD: '1', E2E_PORT: port },
  });
  const kept = [];
  child.stdout.on('data', (chunk) => kept.push(chunk));
  child.stderr.on('data', (chunk) => kept.push(chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Never left behind holding the port, whatever ends this run.
  process.on('exit', () => child.kill('SIGTERM'));
  const ready = (async () => {
    const deadline = Date.now() + 240_000;
    let gone = false;
    void exited.then(() => (gone = true));
    while (!gone && Date.now() < deadline) {
      const up = await fetch(`${url}/api/ready`).then((r) => r.ok, () => false);
      if (up) return url;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return null;
  })();
  return {
    ready,
    output: () => Buffer.concat(kept).toString('utf8'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const npmScript = (name) => [process.execPath, [join(root, 'node_modules/npm/bin/npm-cli.js'), 'run', '--silent', name]];
const npm = (name) => (existsSync(join(root, 'node_modules/npm/bin/npm-cli.js')) ? npmScript(name) : ['npm', ['run', '--silent', name]]);
const hasScript = (name) => Boolean(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.[name]);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

log('Services: PostgreSQL, Redis, chromium');
const env = await ensureServices({ needBrowser: !args.has('--no-e2e') });
Object.assign(process.env, env);

log('Build');
const built =
  (await check('server build', process.execPath, [join(root, 'scripts/build-server.mjs')])) &&
  (!hasScript('build:web') || (await check('web build', ...npm('build:web'))));

log('Static checks');
// The two typechecks are single-threaded: on two cores they run side by side.
await Promise.all([
  check('typecheck (server, libs)', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    quietUntilDone: true,
  }),
  hasScript('typecheck:web') ? check('typecheck (web)', ...npm('typecheck:web'), { quietUntilDone: true }) : null,
]);
// The browser tests' stack (a fresh database migrated and seeded, the built API and worker, an OpenID
// Connect provider, an SMTP sink) takes about 35 s to come up: it starts now, while the next stages
// run, and Playwright uses it through E2E_BASE_URL instead of starting its own.
const e2eWanted = !args.has('--no-e2e') && hasScript('e2e') && built;
const stack = e2eWanted ? startE2eStack() : null;

// Lint is one CPU-bound process for a minute and a half, while the integration tests spend much of
// their time waiting on PostgreSQL, Redis and worker processes: it runs beside Jest, reported after it.
const linted = hasScript('lint') ? check('lint (incl. module boundaries)', ...npm('lint'), { quietUntilDone: true }) : null;

log('Jest: unit and integration tests (real PostgreSQL and Redis)' + (linted ? ', lint beside it' : ''));
const jestJson = join(out, 'jest.json');
await run('jest', process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--ci', '--maxWorkers=2', '--json', `--outputFile=${jestJson}`], {
  env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=4096'].filter(Boolean).join(' ') },
});
await linted;
if (existsSync(jestJson)) {
  const r = JSON.parse(readFileSync(jestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  // A suite that fails to load has no failed test but must still be red.
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'));
  totals.failed += brokenSuites.length;
  for (const s of r.testResults.filter((s) => s.status === 'failed')) failures.push(`jest: ${s.name.replace(root + '/', '')}`);
} else {
  totals.failed += 1;
  failures.push('jest produced no report');
}

if (!args.has('--no-e2e') && hasScript('e2e')) {
  log('Playwright: browser tests in chromium');
  if (!built) {
    totals.failed += 1;
    failures.push('e2e skipped: build failed');
  } else {
    const pwJson = join(root, 'dist', 'e2e', 'results.json');
    rmSync(pwJson, { force: true });
    const baseUrl = await stack.ready;
    const passed = baseUrl ? await run('playwright', ...npm('e2e'), { env: { E2E_BASE_URL: baseUrl } }) : false;
    await stack.stop();
    // The API's and worker's own log (warnings and errors) explains a failed browser test.
    if (!passed) process.stdout.write(`\nThe browser tests' stack${baseUrl ? '' : ' did not come up'}:\n${stack.output()}\n`);
    if (existsSync(pwJson)) {
      const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
      totals.passed += s.expected + s.flaky;
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
      if (s.unexpected) failures.push(`playwright: ${s.unexpected} failed`);
      if (s.flaky) process.stdout.write(`\nPlaywright: ${s.flaky} test(s) passed only on retry (flaky): see the list above\n`);
    } else {
      totals.failed += 1;
      failures.push('playwright produced no report');
    }
  }
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (failures.length) process.stdout.write(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\nTotal time ${minutes} min\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
