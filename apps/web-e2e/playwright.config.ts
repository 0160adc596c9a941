import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const root = join(__dirname, '../..');
const port = Number(process.env['E2E_PORT'] ?? 3100);
const baseURL = process.env['E2E_BASE_URL'] ?? `http://127.0.0.1:${port}`;

// Debian's chromium, never a downloaded browser.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: join(__dirname, 'src'),
  testMatch: '**/*.e2e.ts',
  outputDir: join(root, 'dist/e2e/test-results'),
  fullyParallel: false,
  workers: 2,
  // One retry in CI, reported as flaky by npm test (never silently): a shared 2-core machine has
  // frozen a page once in several runs (docs/architecture.md, "Known issues"); locally none.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  // A test walks several screens as one or more people, each checked with axe; on a shared 2-core
  // machine running two browsers, single-person walks reach 30 s (measured: +20–50 % from run to run).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(root, 'dist/e2e/results.json') }]],
  use: {
    baseURL,
    // Recording a trace (screencast and DOM snapshots on every action) costs a fifth of the suite's
    // CPU: measured 436 s → 338 s of machine time on five specs (docs/performance.md). So only a
    // retried test records one; `npx playwright test --trace on` records them all when debugging.
    trace: 'on-first-retry',
    // An action waits at most 30 s: a page that stops painting (docs/architecture.md, "Known issues")
    // then fails in 30 s and is retried, instead of holding its worker until the test's own limit.
    actionTimeout: 30_000,
    launchOptions: { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Without E2E_BASE_URL, the suite starts its own stack (fresh database, built API serving the web build).
  ...(process.env['E2E_BASE_URL']
    ? {}
    : {
        webServer: {
          command: `node ${JSON.stringify(join(__dirname, 'start-stack.mjs'))}`,
          cwd: root,
          url: `${baseURL}/api/ready`,
          timeout: 240_000,
          reuseExistingServer: false,
          stdout: 'pipe',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
        },
      }),
});
