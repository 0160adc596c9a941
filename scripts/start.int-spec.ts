/**
 * Smoke test of `npm start` in embedded mode, exactly as a newcomer runs it: no DATABASE_URL, no
 * REDIS_URL. The launcher starts PGlite (data + queue), migrates, runs the api and the worker; we
 * check readiness, the web app, the OpenAPI document and a job processed end to end through the
 * embedded queue; then a clean stop, and a restart on the same data folder (persistence).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, Launcher, START_BOUND_MS, waitFor, withClient } from './start-launcher';

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
    // Embedded mode is the demonstration: the demo organisation is loaded and the banner says so.
    expect(launcher.output).toContain('Demo data / Démo         loaded');
    const demoPeople = await withClient(launcher.databaseUrl(), (c) => c.query(`SELECT count(*)::int AS n FROM person WHERE employee_number LIKE 'DEMO-%' AND active`));
    expect(demoPeople.rows[0].n).toBeGreaterThan(0);

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
