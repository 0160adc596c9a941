/**
 * `npm start` in production mode (DATABASE_URL and REDIS_URL set, NODE_ENV=production implied) on a
 * fresh database: no demo data (issue 10, finding 5), demo data refused when asked for, a database
 * holding demo accounts refused until they are disabled, and the first admin created with
 * `npm run create-admin` signs in.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, uniqueQueuePrefix } from '../test/database';
import { TEST_REDIS_URL } from '../test/services';
import { freePort, Launcher, ROOT, START_BOUND_MS, withClient } from './start-launcher';

const run = promisify(execFile);

describe('npm start, production mode (PostgreSQL + Redis)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let storageDir: string;
  let port: number;
  let launcher: Launcher | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('startprod');
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-start-prod-'));
    port = await freePort();
  });

  afterEach(() => launcher?.kill());

  afterAll(async () => {
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string> = {}) =>
    new Launcher({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('startprod'),
      STORAGE_DIR: storageDir,
      PORT: String(port),
      ECLORE_BUILD: 'if-missing',
      ...env,
    });
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const people = () =>
    withClient(
      db.url,
      async (c) => (await c.query(`SELECT employee_number FROM person`)).rows as { employee_number: string }[],
    );
  const operator = (script: string, args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url, ECLORE_BUILD: 'if-missing', ...env },
    });

  it(
    'loads no demo data, says so, and refuses demo data when asked for',
    async () => {
      launcher = start();
      await launcher.ready();
      expect(launcher.output).toContain('production (PostgreSQL + Redis), NODE_ENV=production');
      expect(launcher.output).toContain('No demo data (production)');
      expect(launcher.output).toContain('Demo data / Démo         none');
      expect(await people()).toEqual([]);
      // Production hides the API docs from strangers.
      expect((await fetch(url('/api/openapi.json'))).status).toBe(401);
      expect(await launcher.stop()).toEqual({ code: 0, signal: null });

      launcher = start({ ECLORE_DEMO_DATA: '1' });
      expect(await launcher.exited).toEqual({ code: 2, signal: null });
      expect(launcher.output).toContain('Demo data is never loaded in production');
      expect(await people()).toEqual([]);
    },
    2 * START_BOUND_MS,
  );

  it(
    'refuses a database whose demo accounts can sign in until they are disabled; create-admin makes a usable install',
    async () => {
      // What an earlier non-production start would have left: a demo admin with a password.
      await withClient(db.url, async (c) => {
        const { rows } = await c.query(
          `INSERT INTO person (employee_number, given_name, family_name, email) VALUES ('DEMO-900', 'Demo', 'Admin', 'demo.admin@eclore.example') RETURNING id`,
        );
        await c.query(`INSERT INTO local_credential (person_id, password_hash) VALUES ($1, 'x')`, [rows[0].id]);
        await c.query(`INSERT INTO role_grant (person_id, role, scope_kind) VALUES ($1, 'admin', 'organisation')`, [
          rows[0].id,
        ]);
      });
      launcher = start();
      expect(await launcher.exited).toEqual({ code: 1, signal: null });
      expect(launcher.output).toContain('1 demo account(s) of this production database can sign in');
      expect(launcher.output).toContain('npm run demo-accounts -- --disable');

      const disabled = await operator('demo-accounts.mjs', ['--disable']);
      expect(disabled.stdout).toContain('1 demo account(s) disabled');
      const left = await withClient(
        db.url,
        async (c) =>
          (
            await c.query(`SELECT p.active, (SELECT count(*)::int FROM local_credential l WHERE l.person_id = p.id) AS passwords,
                             (SELECT count(*)::int FROM role_grant g WHERE g.person_id = p.id AND g.revoked_at IS NULL) AS roles
                        FROM person p WHERE employee_number = 'DEMO-900'`)
          ).rows,
      );
      expect(left).toEqual([{ active: false, passwords: 0, roles: 0 }]);

      const password = 'Plume-Verte-Quatorze-42!';
      const created = await operator(
        'create-admin.mjs',
        [
          '--email',
          'ana.silva@intranet.example',
          '--given-name',
          'Ana',
          '--family-name',
          'Silva',
          '--employee-number',
          '004211',
        ],
        { ECLORE_ADMIN_PASSWORD: password },
      );
      expect(created.stdout).toContain('person created');

      launcher = start();
      await launcher.ready();
      const login = await fetch(url('/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ana.silva@intranet.example', password }),
      });
      expect(login.status).toBe(204);
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const session = await fetch(url('/api/session'), { headers: { cookie } });
      expect(session.status).toBe(200);
      expect(JSON.stringify(await session.json())).toContain('admin');
      expect(await launcher.stop()).toEqual({ code: 0, signal: null });
    },
    3 * START_BOUND_MS,
  );

  it(
    'loads the demo data on your own PostgreSQL only when asked for, outside production',
    async () => {
      const demo = await createTestDatabase('startdemo');
      try {
        launcher = start({ DATABASE_URL: demo.url, NODE_ENV: 'development', ECLORE_DEMO_DATA: '1' });
        await launcher.ready();
        expect(launcher.output).toContain('Demo data / Démo         loaded');
        const demoPeople = await withClient(demo.url, (c) =>
          c.query(`SELECT count(*)::int AS n FROM person WHERE employee_number LIKE 'DEMO-%'`),
        );
        expect(demoPeople.rows[0].n).toBeGreaterThan(0);
        expect(await launcher.stop()).toEqual({ code: 0, signal: null });
      } finally {
        launcher?.kill();
        await demo.drop();
      }
    },
    2 * START_BOUND_MS,
  );
});
