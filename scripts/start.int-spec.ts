/**
 * Smoke test of `npm start` in embedded mode, exactly as a newcomer runs it: no DATABASE_URL, no
 * REDIS_URL. The launcher starts PGlite (data + queue), migrates, runs the api and the worker; we
 * check readiness, the web app, the OpenAPI document and a job processed end to end through the
 * embedded queue; a person's walk (submit → accept → comment → qualification) whose notifications
 * and deadline jobs go through the embedded queues, and a deadline job that fires on the test clock
 * (the idea's history moved back) with its notification and webhook deliveries; then a clean stop,
 * and a restart on the same data folder (persistence).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD } from '@eclore/migrations';
import { freePort, Launcher, START_BOUND_MS, waitFor, withClient } from './start-launcher';

type Agent = Awaited<ReturnType<typeof signIn>>;

/** A demo account signed in against the running product, sending the CSRF token as the web app does. */
async function signIn(base: string, email: string) {
  const agent = request.agent(base);
  await agent.post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(204);
  const session = await agent.get('/api/session').expect(200);
  const csrf = session.body.csrfToken as string;
  return {
    get: (path: string) => agent.get(path).expect(200),
    post: (path: string, body: object = {}) => agent.post(path).set('X-CSRF-Token', csrf).send(body),
  };
}

// Public lifecycle events an integration may hear of (a reminder is internal and never sent).
const WEBHOOK_EVENTS = ['accept', 'commented', 'start_qualification'];

const rowsOf = async <T>(dbUrl: string, sql: string, params: unknown[]): Promise<T[]> =>
  withClient(dbUrl, async (c) => (await c.query(sql, params)).rows as T[]);

/**
 * The test clock of the walk. The product runs on the system clock, so the idea's entry into
 * qualification is moved back instead (for that deadline, the same as moving the clock forward, and
 * for this idea alone) until its reminder is due and its escalation still ahead. The next event re-plans
 * its jobs: the reminder, due now, fires through the qualification queue, its notification reaches
 * the assignee's centre through the notifications queue, and the escalation stays scheduled.
 */
async function expectDeadlineJobFires(dbUrl: string, ideaId: string, network: Agent, base: string): Promise<void> {
  const [settings] = await rowsOf<{ due: number; remind: number }>(
    dbUrl,
    `SELECT qualification_days AS due, remind_before_days AS remind FROM answer_time_settings WHERE id = 1`,
    [],
  );
  expect(settings!.remind).toBeGreaterThan(0);
  // The reminder's day began an hour ago; the due date is still (remind days − 1 h) ahead.
  const back = `${settings!.due - settings!.remind} days 1 hour`;
  await rowsOf(
    dbUrl,
    `UPDATE idea_event SET occurred_at = occurred_at - $2::interval WHERE idea_id = $1 AND type = 'start_qualification'`,
    [ideaId, back],
  );
  await network.post(`/api/ideas/${ideaId}/comments`, { bodyHtml: '<p>Où en est-on ?</p>' }).expect(201);

  type Reminder = { data: { assigneeIds: string[]; dueAt: string } };
  const reminder = await waitFor(
    'the qualification reminder, fired',
    async () =>
      (
        await rowsOf<Reminder>(
          dbUrl,
          `SELECT data FROM idea_event WHERE idea_id = $1 AND type = 'qualification_reminder'`,
          [ideaId],
        )
      )[0],
    60_000,
    500,
  );
  const dueAt = Date.parse(reminder.data.dueAt);
  expect(dueAt).toBeGreaterThan(Date.now());
  // Both jobs planned for the moved due date: the reminder ran, the escalation waits for the date.
  const jobs = await rowsOf<{ action: string; fire_at: Date }>(
    dbUrl,
    `SELECT action, fire_at FROM deadline_job WHERE idea_id = $1 AND deadline = 'qualification' ORDER BY action`,
    [ideaId],
  );
  expect(jobs.map((j) => j.action)).toEqual(['escalate', 'remind']);
  expect(jobs[0]!.fire_at.getTime()).toBe(dueAt);

  const [assignee] = await rowsOf<{ email: string }>(dbUrl, `SELECT email FROM person WHERE id = $1`, [
    reminder.data.assigneeIds[0],
  ]);
  const reminded = await signIn(base, assignee!.email);
  const seen = await waitFor(
    'the reminder in the assignee’s notification centre',
    async () => {
      const groups = (await reminded.get('/api/notifications')).body.groups as {
        ideaId: string | null;
        items: { eventType: string }[];
      }[];
      return groups.find((g) => g.ideaId === ideaId)?.items.some((i) => i.eventType === 'qualification_reminder');
    },
    60_000,
    500,
  );
  expect(seen).toBe(true);
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

  it(
    'starts, serves the app, processes a job through the embedded queue, stops cleanly and restarts on its data',
    async () => {
      launcher = start();
      await launcher.ready();
      expect(launcher.output).toContain(`Data / Données           ${dataDir}`);
      // Embedded mode is the demonstration: the demo organisation is loaded and the banner says so.
      expect(launcher.output).toContain('Demo data / Démo         loaded');
      const demoPeople = await withClient(launcher.databaseUrl(), (c) =>
        c.query(`SELECT count(*)::int AS n FROM person WHERE employee_number LIKE 'DEMO-%' AND active`),
      );
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
      await withClient(dbUrl, (c) =>
        c.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('platform.probe', $1)`, [{ probeId }]),
      );
      const receipt = await waitFor(
        'the probe receipt',
        () =>
          withClient(
            dbUrl,
            async (c) =>
              (await c.query(`SELECT key FROM job_receipt WHERE key = $1`, [`platform.probe:${probeId}`])).rows[0],
          ),
        60_000,
        500,
      );
      expect(receipt).toEqual({ key: `platform.probe:${probeId}` });

      // A newcomer's walk. Each step's notifications go through the notifications queue and the start
      // of qualification schedules its deadline jobs through the qualification queue: both queues hold
      // delayed jobs from the demo data, which once kept their workers asleep until those were due
      // (scripts/embedded/databases.mjs, routeNotifications).
      // A webhook integration listening to the walk's events: its deliveries prove the webhooks queue
      // runs too (a loopback receiver is a forbidden address: each delivery is tried, never sent).
      await withClient(dbUrl, (c) =>
        c.query(`INSERT INTO webhook_subscription (url, event_types, secret) VALUES ($1, $2, $3)`, [
          'https://127.0.0.1:9/eclore',
          [...WEBHOOK_EVENTS, 'qualification_reminder'],
          'embedded-smoke-test-secret-0123456789',
        ]),
      );
      const lucas = await signIn(url(''), 'lucas.girard@eclore.example');
      const julien = await signIn(url(''), 'julien.tremblay@eclore.example');
      const units = (await lucas.get('/api/org-units')).body as { id: string; code: string }[];
      const themes = (await lucas.get('/api/themes')).body as { key: string }[];
      const created = await lucas
        .post('/api/ideas', {
          kind: 'problem',
          title: 'Les badges visiteurs se perdent à l’accueil',
          summary: 'Une dizaine de badges disparaissent chaque semaine.',
          bodyHtml: '<p>Les visiteurs repartent avec leur badge.</p>',
          orgUnitId: units.find((u) => u.code === 'DS-SOINS')?.id ?? units[0]!.id,
          themes: themes.slice(0, 1).map((t) => t.key),
          whoSuffers: 'Les agents d’accueil',
          frequency: 'weekly',
        })
        .expect(201);
      const ideaId = created.body.id as string;
      await lucas.post(`/api/ideas/${ideaId}/submit`).expect(200);
      await julien.post(`/api/ideas/${ideaId}/accept`).expect(200);
      await julien
        .post(`/api/ideas/${ideaId}/comments`, { bodyHtml: '<p>Combien de badges par mois ?</p>' })
        .expect(201);
      await julien.post(`/api/ideas/${ideaId}/start-qualification`).expect(200);

      type Group = { ideaId: string | null; items: { eventType: string }[] };
      const heard = await waitFor(
        'the author’s notifications of the acceptance and the comment',
        async () => {
          const groups = (await lucas.get('/api/notifications')).body.groups as Group[];
          const types = groups.find((g) => g.ideaId === ideaId)?.items.map((i) => i.eventType) ?? [];
          return ['accept', 'commented'].every((t) => types.includes(t)) && types;
        },
        60_000,
        500,
      );
      expect(heard).toEqual(expect.arrayContaining(['accept', 'commented']));
      const scheduled = await waitFor(
        'the qualification deadline jobs',
        () =>
          withClient(
            dbUrl,
            async (c) =>
              (await c.query(`SELECT action FROM deadline_job WHERE idea_id = $1`, [ideaId])).rows.length > 0,
          ),
        60_000,
        500,
      );
      expect(scheduled).toBe(true);
      await expectDeadlineJobFires(dbUrl, ideaId, julien, url(''));
      const tried = await waitFor(
        'the webhook deliveries of the walk, tried',
        async () => {
          const rows = await rowsOf<{ event_type: string }>(
            dbUrl,
            `SELECT d.event_type FROM webhook_delivery d JOIN idea_event e ON e.id = d.idea_event_id
            WHERE e.idea_id = $1 AND (d.status <> 'pending' OR d.attempts > 0)`,
            [ideaId],
          );
          const types = rows.map((r) => r.event_type);
          return WEBHOOK_EVENTS.every((t) => types.includes(t)) && types;
        },
        60_000,
        500,
      );
      expect(tried).toEqual(expect.arrayContaining(WEBHOOK_EVENTS));
      // The reminder is the network's internal work: no integration hears of it, even one that asked.
      const internal = await rowsOf(
        dbUrl,
        `SELECT 1 FROM webhook_delivery d JOIN idea_event e ON e.id = d.idea_event_id
        WHERE e.idea_id = $1 AND e.type = 'qualification_reminder'`,
        [ideaId],
      );
      expect(internal).toEqual([]);

      expect(await launcher.stop()).toEqual({ code: 0, signal: null });
      expect(launcher.output).toContain('Stopped.');

      // Same data folder: comes up again, nothing left to migrate, the receipt is still there.
      launcher = start();
      await launcher.ready();
      expect(launcher.output).toContain('Migrating the database… up to date');
      const again = await fetch(url('/api/ready'));
      expect(again.status).toBe(200);
      const kept = await withClient(launcher.databaseUrl(), (c) =>
        c.query(`SELECT key FROM job_receipt WHERE key = $1`, [`platform.probe:${probeId}`]),
      );
      expect(kept.rowCount).toBe(1);
      expect(await launcher.stop()).toEqual({ code: 0, signal: null });
    },
    4 * START_BOUND_MS,
  );
});
