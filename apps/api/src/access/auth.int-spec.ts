import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RoleGrant, SessionService, UserSession } from '@eclore/server-identity';
import { TEST_REDIS_URL } from '../../../../test/services';
import { AccessProbeController } from './access-probe.controller';
import { makePerson, makeUnit } from '../../../../test/harness';
import { sessionCookieOf, signIn } from '../../../../test/harness/agent';
import { createApiTestContext, createModuleApp, type ApiTestContext } from '../../../../test/harness/api-context';

const PUBLIC_URL = 'http://127.0.0.1:3999';

/** Sign-in, sessions, CSRF and the guard on the real application, real PostgreSQL and Redis. */
describe('local sign-in, sessions and the access guard', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let address = 0;
  /** A fresh client address per test, so the per-address limit of one test never bleeds into another. */
  const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${address % 250}`;

  const sessionRow = (cookie: string) =>
    ds.getRepository(UserSession).findOneByOrFail({
      tokenHash: createHash('sha256')
        .update(cookie.split('=')[1] ?? '')
        .digest('hex'),
    });

  beforeAll(async () => {
    ctx = await createApiTestContext({
      label: 'auth',
      env: { PUBLIC_URL },
      app: { controllers: [AccessProbeController] },
    });
    ({ app, ds } = ctx);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('signing in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and stores only the token hash', async () => {
      const { email, password, person } = await makePerson(ds);
      const res = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: email.toUpperCase(), password })
        .expect(204);
      const line = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((l) => l.startsWith('eclore_session='));
      expect(line).toMatch(/HttpOnly/);
      expect(line).toMatch(/SameSite=Lax/);
      expect(line).toMatch(/Path=\//);
      expect(line).not.toMatch(/Secure/); // PUBLIC_URL is plain http here
      const cookie = sessionCookieOf(res.headers['set-cookie']);
      const token = cookie.split('=')[1] ?? '';
      expect(token.length).toBeGreaterThanOrEqual(43);
      const row = await sessionRow(cookie);
      expect(row).toMatchObject({ personId: person.id, method: 'local', endedAt: null });
      expect(JSON.stringify(await ds.query('SELECT * FROM user_session'))).not.toContain(token);

      const session = await request(app.getHttpServer()).get('/api/session').set('Cookie', cookie).expect(200);
      expect(session.body).toEqual({
        person: { id: person.id, givenName: 'Test', familyName: person.familyName, email, orgUnit: null, locale: null },
        roles: [],
        csrfToken: row.csrfToken,
        expiresAt: row.expiresAt.toISOString(),
      });
      // Absolute expiry = SESSION_ABSOLUTE_HOURS (12 by default) after sign-in.
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(11.9 * 3_600_000);
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(12 * 3_600_000 + 1000);
    });

    it('answers 204 (nobody) on GET /api/session when signed out, or with an unknown cookie (and clears it)', async () => {
      const none = await request(app.getHttpServer()).get('/api/session').expect(204);
      expect(none.text).toBe('');
      // A route that needs a person still refuses the visitor.
      const me = await request(app.getHttpServer()).get('/api/me').expect(401);
      expect(me.body).toMatchObject({ code: 'unauthenticated', status: 401 });
      const forged = await request(app.getHttpServer())
        .get('/api/session')
        .set('Cookie', 'eclore_session=forged')
        .expect(204);
      expect(([] as string[]).concat(forged.headers['set-cookie'] ?? []).join()).toMatch(
        /eclore_session=;.*Expires=Thu, 01 Jan 1970/,
      );
    });

    it('starts a new session on every sign-in and ends the one it replaces (no fixation)', async () => {
      const { email, password } = await makePerson(ds);
      const first = await signIn(app, email, password!, { address: nextAddress() });
      const again = await first.agent
        .post('/api/auth/login')
        .set('X-CSRF-Token', first.csrfToken)
        .set('X-Forwarded-For', nextAddress())
        .send({ email, password })
        .expect(204);
      const second = sessionCookieOf(again.headers['set-cookie']);
      expect(second).not.toBe(first.cookie);
      expect((await sessionRow(first.cookie)).endReason).toBe('logout');
      await request(app.getHttpServer()).get('/api/session').set('Cookie', first.cookie).expect(204);
      await request(app.getHttpServer()).get('/api/session').set('Cookie', second).expect(200);
    });

    it('gives the same answer for an unknown e-mail, a wrong password, a deactivated person and an SSO-only person', async () => {
      const real = await makePerson(ds);
      const inactive = await makePerson(ds, { active: false });
      const ssoOnly = await makePerson(ds, { password: null });
      const attempts = [
        { email: 'nobody.here@test.example', password: 'whatever whatever' },
        { email: real.email, password: 'not the right password' },
        { email: inactive.email, password: inactive.password },
        { email: ssoOnly.email, password: 'correct horse battery staple' },
      ];
      const answers = [];
      for (const body of attempts) {
        const res = await request(app.getHttpServer())
          .post('/api/auth/login')
          .set('X-Forwarded-For', nextAddress())
          .send(body);
        expect(res.headers['set-cookie']).toBeUndefined();
        answers.push({
          status: res.status,
          type: res.headers['content-type'],
          body: { ...res.body, instance: undefined, requestId: undefined },
        });
      }
      expect(answers[0]).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    });

    it('names the invalid field of a malformed sign-in', async () => {
      const res = await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: 'not-an-email', password: '' })
        .expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['email', 'password']);
    });
  });

  describe('rate limiting', () => {
    const login = (body: { email: string; password: string | null }, from: string, cookie?: string) => {
      const req = request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', from);
      if (cookie) req.set('Cookie', cookie);
      return req.send({ email: body.email, password: body.password ?? 'wrong' });
    };
    /** The `eclore_device=…` pair a successful sign-in sets. */
    const deviceCookieOf = (res: request.Response): string => {
      const line = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((l) => l.startsWith('eclore_device='));
      return line?.split(';')[0] ?? '';
    };

    it("refuses the attacker's address after 5 wrong passwords on an account, even with the right password; the owner still signs in elsewhere and from a known device", async () => {
      const owner = await makePerson(ds);
      const known = await login(owner, nextAddress()).expect(204);
      const device = deviceCookieOf(known);
      expect(device).toMatch(/^eclore_device=[\w-]{24}\.[\w-]{43}$/);
      expect(([] as string[]).concat(known.headers['set-cookie'] ?? []).join('\n')).toMatch(
        /eclore_device=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/,
      );

      const attacker = nextAddress();
      for (let i = 0; i < 5; i += 1)
        await login({ email: owner.email, password: `wrong guess ${i}` }, attacker).expect(401);
      for (const password of ['another guess', owner.password]) {
        const refused = await login({ email: owner.email, password }, attacker).expect(429);
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429 });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      }
      // Not a lock on the account: the owner signs in from another address, and from the known device.
      await login(owner, nextAddress()).expect(204);
      await login(owner, attacker, device).expect(204);
      // The same answer for an account that does not exist (no oracle of existence).
      const ghost = { email: `ghost.${Date.now()}@test.example`, password: 'wrong' };
      for (let i = 0; i < 5; i += 1) await login(ghost, attacker).expect(401);
      expect((await login(ghost, attacker).expect(429)).body).toMatchObject({ code: 'rate_limited', status: 429 });
    });

    it('slows a guess spread over many addresses on unknown devices only: the known device still signs in', async () => {
      const owner = await makePerson(ds);
      const device = deviceCookieOf(await login(owner, nextAddress()).expect(204));
      for (let a = 0; a < 10; a += 1) {
        const from = nextAddress();
        for (let i = 0; i < 5; i += 1)
          await login({ email: owner.email, password: `spread ${a}.${i}` }, from).expect(401);
      }
      await login(owner, nextAddress()).expect(429);
      await login(owner, nextAddress(), device).expect(204);
    });

    it('binds a device cookie to its account and gives each known device its own limit', async () => {
      const owner = await makePerson(ds);
      const other = await makePerson(ds);
      const device = deviceCookieOf(await login(owner, nextAddress()).expect(204));
      const attacker = nextAddress();
      for (let i = 0; i < 5; i += 1) await login({ email: other.email, password: `guess ${i}` }, attacker).expect(401);
      // The owner's device cookie is no pass for another account, nor is a forged one.
      await login(other, attacker, device).expect(429);
      await login(other, attacker, `eclore_device=${'A'.repeat(24)}.${'B'.repeat(43)}`).expect(429);
      // A known device's own failures: 10, then it is refused until the window ends.
      for (let i = 0; i < 10; i += 1)
        await login({ email: owner.email, password: `typo ${i}` }, nextAddress(), device).expect(401);
      await login(owner, nextAddress(), device).expect(429);
      await login(owner, nextAddress()).expect(204);
    });

    it('limits one address to 20 failures across accounts', async () => {
      const from = nextAddress();
      for (let i = 0; i < 20; i += 1) {
        await request(app.getHttpServer())
          .post('/api/auth/login')
          .set('X-Forwarded-For', from)
          .send({ email: `spray${i}@test.example`, password: 'Summer2026!!' })
          .expect(401);
      }
      const someone = await makePerson(ds);
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', from)
        .send({ email: someone.email, password: someone.password })
        .expect(429);
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: someone.email, password: someone.password })
        .expect(204);
    });

    it('keeps the counters in Redis under the queue prefix (shared by every api replica)', async () => {
      const redis = new (await import('ioredis')).Redis(TEST_REDIS_URL);
      try {
        const keys = await redis.keys(`${process.env['QUEUE_PREFIX']}:login:*`);
        expect(keys.some((k) => k.includes(':login:account'))).toBe(true);
        expect(keys.some((k) => k.includes(':login:address'))).toBe(true);
        expect(keys.some((k) => k.includes(':login:accountAddress'))).toBe(true);
        expect(keys.some((k) => k.includes(':login:device'))).toBe(true);
      } finally {
        redis.disconnect();
      }
    });
  });

  describe('the client address behind proxies (TRUSTED_PROXIES)', () => {
    let direct: NestExpressApplication;
    beforeAll(async () => {
      direct = await createModuleApp([], { trustedProxies: null });
    });
    afterAll(async () => {
      await direct?.close();
    });

    const spray = (target: NestExpressApplication, count: number, expected: number) =>
      (async () => {
        for (let i = 0; i < count; i += 1) {
          await request(target.getHttpServer())
            .post('/api/auth/login')
            .set('X-Forwarded-For', nextAddress())
            .send({ email: `rotating${i}.${Date.now()}@test.example`, password: 'Summer2026!!' })
            .expect(expected);
        }
      })();

    it('ignores X-Forwarded-For with no trusted proxy: rotating it does not dodge the per-address limit', async () => {
      await spray(direct, 20, 401);
      const someone = await makePerson(ds);
      await request(direct.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', nextAddress())
        .send({ email: someone.email, password: someone.password })
        .expect(429);
    });

    it("takes the client address from a trusted proxy's X-Forwarded-For", async () => {
      // The shared test app trusts loopback (supertest's side): each rotated address counts apart.
      await spray(app, 25, 401);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request with a session but without, or with a wrong, X-CSRF-Token', async () => {
      const { email, password } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      const missing = await me.agent.post('/api/probe/echo').expect(403);
      expect(missing.body.code).toBe('csrf_failed');
      const wrong = await me.agent
        .post('/api/probe/echo')
        .set('X-CSRF-Token', `${me.csrfToken.slice(0, -1)}x`)
        .expect(403);
      expect(wrong.body.code).toBe('csrf_failed');
      const ok = await me.agent.post('/api/probe/echo').set('X-CSRF-Token', me.csrfToken).expect(200);
      expect(ok.body.personId).toBeDefined();
      // Safe methods need no token.
      await me.agent.get('/api/session').expect(200);
    });

    it("refuses another person's CSRF token", async () => {
      const a = await makePerson(ds);
      const b = await makePerson(ds);
      const alice = await signIn(app, a.email, a.password!, { address: nextAddress() });
      const bob = await signIn(app, b.email, b.password!, { address: nextAddress() });
      await alice.agent.post('/api/probe/echo').set('X-CSRF-Token', bob.csrfToken).expect(403);
    });

    it('refuses a foreign Origin, also on sign-in; accepts PUBLIC_URL as Origin', async () => {
      const { email, password } = await makePerson(ds);
      const foreign = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .set('X-Forwarded-For', nextAddress())
        .send({ email, password })
        .expect(403);
      expect(foreign.body.code).toBe('csrf_failed');
      expect(foreign.headers['set-cookie']).toBeUndefined();
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('Origin', PUBLIC_URL)
        .set('X-Forwarded-For', nextAddress())
        .send({ email, password })
        .expect(204);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      await me.agent
        .post('/api/probe/echo')
        .set('Origin', 'http://127.0.0.1:4000')
        .set('X-CSRF-Token', me.csrfToken)
        .expect(403);
    });
  });

  describe('signing out and expiry', () => {
    it('ends the session on the server: the old cookie is refused afterwards', async () => {
      const { email, password } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      const out = await me.agent.post('/api/auth/logout').set('X-CSRF-Token', me.csrfToken).expect(204);
      expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(/eclore_session=;/);
      const row = await sessionRow(me.cookie);
      expect(row.endReason).toBe('logout');
      expect(row.endedAt).toBeInstanceOf(Date);
      await request(app.getHttpServer()).get('/api/session').set('Cookie', me.cookie).expect(204);
    });

    it('ends an idle session (SESSION_IDLE_MINUTES) and records why', async () => {
      const { email, password } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      const row = await sessionRow(me.cookie);
      await ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`, [
        row.tokenHash,
      ]);
      await me.agent.get('/api/session').expect(204);
      expect(await sessionRow(me.cookie)).toMatchObject({ endReason: 'idle' });
    });

    it('keeps a session active within the idle timeout and touches last_seen_at at most once a minute', async () => {
      const { email, password } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      const row = await sessionRow(me.cookie);
      await ds.query(`UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = $1`, [
        row.tokenHash,
      ]);
      await me.agent.get('/api/session').expect(200);
      const touched = await sessionRow(me.cookie);
      expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);
      await ds.query(`UPDATE user_session SET last_seen_at = now() - interval '20 seconds' WHERE token_hash = $1`, [
        row.tokenHash,
      ]);
      const before = (await sessionRow(me.cookie)).lastSeenAt.getTime();
      await me.agent.get('/api/session').expect(200);
      expect((await sessionRow(me.cookie)).lastSeenAt.getTime()).toBe(before);
    });

    it('ends a session past its absolute expiry however active', async () => {
      const { email, password } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      const row = await sessionRow(me.cookie);
      await ds.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
        row.tokenHash,
      ]);
      await me.agent.get('/api/session').expect(204);
      expect(await sessionRow(me.cookie)).toMatchObject({ endReason: 'expired' });
    });
  });

  describe('deactivation and role changes', () => {
    it('SessionService.endAllFor ends every session of a person at once', async () => {
      const { email, password, person } = await makePerson(ds);
      const laptop = await signIn(app, email, password!, { address: nextAddress() });
      const phone = await signIn(app, email, password!, { address: nextAddress() });
      const bystander = await makePerson(ds);
      const other = await signIn(app, bystander.email, bystander.password!, { address: nextAddress() });
      const ended = await ds.transaction(async (manager) => {
        await manager.update('person', { id: person.id }, { active: false, deactivatedAt: new Date() });
        return app.get(SessionService).endAllFor(person.id, 'deactivated', manager);
      });
      expect(ended).toBe(2);
      await laptop.agent.get('/api/session').expect(204);
      await phone.agent.get('/api/session').expect(204);
      expect(await sessionRow(laptop.cookie)).toMatchObject({ endReason: 'deactivated' });
      await other.agent.get('/api/session').expect(200);
    });

    it('refuses the open session of a person deactivated without ending it', async () => {
      const { email, password, person } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      await ds.query(`UPDATE person SET active = false WHERE id = $1`, [person.id]);
      await me.agent.get('/api/session').expect(204);
      expect(await sessionRow(me.cookie)).toMatchObject({ endReason: 'deactivated' });
    });

    it('applies a grant and a revoke on the very next request', async () => {
      const { email, password, person } = await makePerson(ds);
      const me = await signIn(app, email, password!, { address: nextAddress() });
      const refused = await me.agent.get('/api/probe/headcounts').expect(403);
      expect(refused.body.code).toBe('role_required');
      await ds.getRepository(RoleGrant).insert({ personId: person.id, role: 'hr', scopeKind: 'organisation' });
      await me.agent.get('/api/probe/headcounts').expect(200);
      expect((await me.agent.get('/api/session').expect(200)).body.roles).toEqual([
        { role: 'hr', scope: { kind: 'organisation' } },
      ]);
      await ds.query(`UPDATE role_grant SET revoked_at = now() WHERE person_id = $1`, [person.id]);
      await me.agent.get('/api/probe/headcounts').expect(403);
      expect((await me.agent.get('/api/session').expect(200)).body.roles).toEqual([]);
    });
  });

  describe('route declarations', () => {
    it('refuses a route that declares no permission, even to an admin', async () => {
      const admin = await makePerson(ds, { roles: [{ role: 'admin' }] });
      const me = await signIn(app, admin.email, admin.password!, { address: nextAddress() });
      const res = await me.agent.get('/api/probe/undeclared').expect(403);
      expect(res.body.code).toBe('permission_undeclared');
      await request(app.getHttpServer()).get('/api/probe/undeclared').expect(403);
    });

    it('answers 401 to a signed-out visitor on a protected route', async () => {
      const res = await request(app.getHttpServer()).get('/api/probe/headcounts').expect(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it('lets the handler decide object-level access with the object scope', async () => {
      const north = await makeUnit(ds, { code: `N-${Date.now()}` });
      const northTeam = await makeUnit(ds, { code: `NT-${Date.now()}`, parent: north });
      const south = await makeUnit(ds, { code: `S-${Date.now()}` });
      const scoped = await makePerson(ds, { unit: northTeam, roles: [{ role: 'network_member', unit: north }] });
      const me = await signIn(app, scoped.email, scoped.password!, { address: nextAddress() });
      await request(app.getHttpServer()).get(`/api/probe/units/${northTeam.id}/members`).expect(401);
      await me.agent.get(`/api/probe/units/${northTeam.id}/members`).expect(200);
      const out = await me.agent.get(`/api/probe/units/${south.id}/members`).expect(403);
      expect(out.body.code).toBe('out_of_scope');
    });
  });

  it('tells the web which sign-in methods are on (SSO off without OIDC_ISSUER_URL)', async () => {
    await request(app.getHttpServer()).get('/api/auth/methods').expect(200, { local: true, oidc: false });
    const start = await request(app.getHttpServer()).get('/api/auth/oidc/start').expect(302);
    expect(start.headers['location']).toBe('/?signin_error=sso_disabled');
  });
});
