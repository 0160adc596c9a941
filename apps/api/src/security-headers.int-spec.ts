import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestDatabase, uniqueQueuePrefix } from '../../../test/database';
import { TEST_REDIS_URL } from '../../../test/services';
import { makePerson, type TestPerson } from '../../../test/harness';
import { createApiApp } from './bootstrap';

/**
 * Finding 7 of issue 10: the api (which serves the web build too) sends the browser security
 * headers on every answer, keeps API answers out of every cache, names the session cookie
 * `__Host-…` and sends HSTS only behind https, and hides the API docs from strangers in production.
 */
describe('browser security headers, session cookie and API docs', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let webDir: string;
  let person: TestPerson | undefined;
  const saved = { ...process.env };
  const apps: NestExpressApplication[] = [];
  let address = 0;

  /** The real bootstrap (createApiApp) with these settings on top of the test database. */
  async function start(env: Record<string, string>): Promise<NestExpressApplication> {
    process.env = {
      ...saved,
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('sec'),
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: webDir,
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://localhost:3000',
      ...env,
    };
    delete process.env['API_DOCS_PUBLIC'];
    Object.assign(process.env, env);
    const app = await createApiApp({ logger: false });
    await app.init();
    apps.push(app);
    person ??= await makePerson(app.get(DataSource));
    return app;
  }

  /** Signs in; returns the Set-Cookie line of the session cookie. */
  async function login(app: NestExpressApplication): Promise<string> {
    address += 1;
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', `10.7.0.${address}`)
      .send({ email: person!.email, password: person!.password })
      .expect(204);
    const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const line = lines.find((l) => /^(__Host-)?eclore_session=/.test(l));
    if (!line) throw new Error(`no session cookie in ${JSON.stringify(lines)}`);
    return line;
  }
  const pair = (setCookie: string): string => setCookie.split(';')[0] ?? '';

  function expectBrowserHeaders(res: request.Response): void {
    const csp = String(res.headers['content-security-policy'] ?? '');
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name ?? '', values] as const),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['permissions-policy']).toEqual(expect.stringContaining('camera=()'));
    expect(res.headers['permissions-policy']).toEqual(expect.stringContaining('microphone=()'));
    expect(res.headers['permissions-policy']).toEqual(expect.stringContaining('geolocation=()'));
    expect(res.headers['x-powered-by']).toBeUndefined();
  }

  beforeAll(async () => {
    db = await createTestDatabase('secheaders');
    // A stand-in for dist/web: an index and one fingerprinted asset, as Vite lays them out.
    webDir = mkdtempSync(join(tmpdir(), 'eclore-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><title>Éclore</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>',
    );
    writeFileSync(join(webDir, 'assets/index-Ab12Cd34.js'), 'console.log("app");');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
    rmSync(webDir, { recursive: true, force: true });
    process.env = saved;
  });

  describe('over plain http (PUBLIC_URL http://…)', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await start({});
    });

    it('sends them on an API answer, which no cache may store, and no HSTS', async () => {
      const res = await request(app.getHttpServer()).get('/api/health').expect(200);
      expectBrowserHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    });

    it('sends them on API errors too', async () => {
      const res = await request(app.getHttpServer()).get('/api/does-not-exist').expect(404);
      expectBrowserHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('sends them on the web index and on a hashed asset, which keeps its long cache', async () => {
      const index = await request(app.getHttpServer()).get('/ideas/some-page').expect(200);
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      expectBrowserHeaders(index);
      expect(index.headers['cache-control']).not.toBe('no-store');
      const asset = await request(app.getHttpServer()).get('/assets/index-Ab12Cd34.js').expect(200);
      expectBrowserHeaders(asset);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('marks every signed-in API answer no-store and keeps the plain cookie name', async () => {
      const setCookie = await login(app);
      expect(setCookie).toMatch(/^eclore_session=/);
      expect(setCookie).not.toMatch(/;\s*Secure/i);
      const res = await request(app.getHttpServer()).get('/api/session').set('Cookie', pair(setCookie)).expect(200);
      expect(res.body.person.id).toBe(person!.person.id);
      expectBrowserHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('leaves the API docs open outside production', async () => {
      await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
    });
  });

  describe('in production behind https (PUBLIC_URL https://…)', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await start({ NODE_ENV: 'production', PUBLIC_URL: 'https://eclore.intranet.example' });
    });

    it('sends HSTS and asks the browser to upgrade sub-requests', async () => {
      for (const path of ['/api/health', '/', '/assets/index-Ab12Cd34.js']) {
        const res = await request(app.getHttpServer()).get(path).expect(200);
        expectBrowserHeaders(res);
        expect({ path, hsts: res.headers['strict-transport-security'] }).toEqual({ path, hsts: 'max-age=31536000' });
        expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      }
    });

    it('names the session cookie __Host-… (Secure, Path=/, no Domain) and reads only that name', async () => {
      const setCookie = await login(app);
      expect(setCookie).toMatch(/^__Host-eclore_session=[^;]+/);
      expect(setCookie).toMatch(/;\s*Secure/i);
      expect(setCookie).toMatch(/;\s*Path=\/(;|$)/i);
      expect(setCookie).toMatch(/;\s*HttpOnly/i);
      expect(setCookie).not.toMatch(/;\s*Domain=/i);
      const server = app.getHttpServer();
      const signedIn = await request(server).get('/api/session').set('Cookie', pair(setCookie)).expect(200);
      expect(signedIn.body.person.id).toBe(person!.person.id);
      expect(signedIn.headers['cache-control']).toBe('no-store');
      // The same token under the unprefixed name (as a sibling host could plant it) is not a session.
      const token = pair(setCookie).slice('__Host-eclore_session='.length);
      const planted = await request(server).get('/api/session').set('Cookie', `eclore_session=${token}`);
      expect(planted.body?.person?.id).toBeUndefined();
      // Signing out clears the prefixed cookie.
      const session = signedIn.body as { csrfToken: string };
      const out = await request(server)
        .post('/api/auth/logout')
        .set('Cookie', pair(setCookie))
        .set('X-CSRF-Token', session.csrfToken)
        .expect(204);
      expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join('\n')).toMatch(
        /^__Host-eclore_session=;.*Expires=Thu, 01 Jan 1970/m,
      );
    });

    it('answers the API docs only to a signed-in person', async () => {
      const server = app.getHttpServer();
      for (const path of ['/api/openapi.json', '/api/docs', '/api/docs/swagger-ui-init.js']) {
        const res = await request(server).get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
        expectBrowserHeaders(res);
      }
      const cookie = pair(await login(app));
      const doc = await request(server).get('/api/openapi.json').set('Cookie', cookie).expect(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      const ui = await request(server).get('/api/docs').set('Cookie', cookie).redirects(1).expect(200);
      expect(ui.text).toContain('swagger');
      // A forged cookie is no session either.
      await request(server).get('/api/openapi.json').set('Cookie', '__Host-eclore_session=forged').expect(401);
    });
  });

  describe('in production with API_DOCS_PUBLIC=true', () => {
    it('opens the API docs to anyone', async () => {
      const app = await start({ NODE_ENV: 'production', API_DOCS_PUBLIC: 'true' });
      const doc = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      expectBrowserHeaders(doc);
    });
  });
});
