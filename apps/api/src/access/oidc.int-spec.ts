import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { ExternalIdentity, hashPassword, LocalCredential, Person } from '@eclore/server-identity';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';

/**
 * OpenID Connect sign-in end to end: the built API (`node dist/server/apps/api/src/main.js`, where the
 * ES-module openid-client loads as in production) against a real provider (test/oidc-provider.mjs,
 * oidc-provider 9) in child processes, driven over HTTP like a browser. The API's own log output is
 * checked at the end for any password, cookie, token or authorization code.
 */
const root = join(__dirname, '../../../..');
const MAIN = join(root, 'dist/server/apps/api/src/main.js');
const CLIENT_SECRET = 'oidc-int-spec-client-secret-9f2c';
const PASSWORD = 'a long local password for the log check';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A cookie jar per site, as a browser keeps (paths ignored: each site's cookie names are distinct). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

describe('OpenID Connect sign-in against a real provider', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let idp: ChildProcess;
  let api: ChildProcess;
  let issuer: string;
  let apiUrl: string;
  const apiLog: string[] = [];
  const secretsSeen: string[] = [CLIENT_SECRET, PASSWORD];

  async function fetchManual(url: string, jar: Jar, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(res);
    return res;
  }

  /** Follows redirects within the provider until it sends the browser somewhere else. */
  async function followIdp(location: string, jar: Jar): Promise<Response> {
    let res = await fetchManual(new URL(location, issuer).toString(), jar);
    while ([302, 303].includes(res.status) && new URL(res.headers.get('location')!, issuer).origin === issuer) {
      res = await fetchManual(new URL(res.headers.get('location')!, issuer).toString(), jar);
    }
    return res;
  }

  /** Runs a sign-in up to the provider's redirect back to the API; returns the callback URL and the API jar. */
  async function toCallback(login: string, returnTo = '/ideas'): Promise<{ callbackUrl: string; apiJar: Jar }> {
    const apiJar = new Jar();
    const idpJar = new Jar();
    const start = await fetchManual(`${apiUrl}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, apiJar);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const page = await followIdp(authorize.toString(), idpJar);
    expect(page.status).toBe(200);
    const action = /action="([^"]+)"/.exec(await page.text())?.[1];
    const submitted = await fetchManual(new URL(action!, issuer).toString(), idpJar, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login }).toString(),
    });
    const back = await followIdp(submitted.headers.get('location')!, idpJar);
    const callbackUrl = back.headers.get('location')!;
    expect(callbackUrl.startsWith(`${apiUrl}/api/auth/oidc/callback?`)).toBe(true);
    secretsSeen.push(new URL(callbackUrl).searchParams.get('code') ?? '');
    return { callbackUrl, apiJar };
  }

  async function signIn(
    login: string,
    returnTo = '/ideas',
  ): Promise<{ location: string; session?: string; callbackUrl: string; apiJar: Jar }> {
    const { callbackUrl, apiJar } = await toCallback(login, returnTo);
    const before = apiJar.header();
    const res = await fetchManual(callbackUrl, apiJar);
    expect(res.status).toBe(302);
    const session = apiJar.get('eclore_session');
    if (session) secretsSeen.push(session);
    return {
      location: res.headers.get('location')!,
      session,
      callbackUrl,
      apiJar: Object.assign(new Jar(), { header: () => before }),
    };
  }

  async function sessionOf(cookie: string | undefined) {
    const res = await fetch(`${apiUrl}/api/session`, { headers: { cookie: `eclore_session=${cookie}` } });
    return {
      status: res.status,
      body: (res.status === 200 ? await res.json() : null) as { person: { id: string }; csrfToken: string } | null,
    };
  }

  async function createPerson(email: string, active = true): Promise<Person> {
    const repo = ds.getRepository(Person);
    const person = repo.create({
      employeeNumber: `O-${email}`,
      givenName: 'Sso',
      familyName: email.split('@')[0]!,
      email,
      orgUnitId: null,
      active,
      deactivatedAt: active ? null : new Date(),
      locale: null,
    });
    await repo.insert(person);
    return person;
  }

  const setIdpAccount = (sub: string, claims: object) =>
    fetch(`${issuer}/__test/accounts/${sub}`, { method: 'PUT', body: JSON.stringify(claims) }).then((r) =>
      expect(r.status).toBe(204),
    );

  beforeAll(async () => {
    expect(existsSync(MAIN)).toBe(true);
    db = await createTestDatabase('oidc');
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;

    idp = spawn(
      process.execPath,
      [
        join(root, 'test/oidc-provider.mjs'),
        '--redirect-uri',
        `${apiUrl}/api/auth/oidc/callback`,
        '--client-secret',
        CLIENT_SECRET,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    issuer = await new Promise<string>((resolve, reject) => {
      idp.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim().split('\n')[0]!));
      idp.once('exit', (code) => reject(new Error(`oidc provider exited with ${code}`)));
    });

    api = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: apiUrl,
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: uniqueQueuePrefix('oidc'),
        LOG_LEVEL: 'debug',
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENT_ID: 'eclore-test',
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (c: Buffer) => apiLog.push(c.toString()));
    api.stderr!.on('data', (c: Buffer) => apiLog.push(c.toString()));
    for (let i = 0; ; i += 1) {
      const up = await fetch(`${apiUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 150 || api.exitCode !== null) throw new Error(`api did not start:\n${apiLog.join('')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    for (const child of [api, idp]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await ds?.destroy();
    await db?.drop();
  });

  it('announces single sign-on as available', async () => {
    expect(await (await fetch(`${apiUrl}/api/auth/methods`)).json()).toEqual({ local: true, oidc: true });
  });

  it('signs in through the code flow: the directory person is matched by verified e-mail, case-insensitively', async () => {
    const person = await createPerson('Alice.Martin@corp.example');
    await setIdpAccount('sub-alice', { email: 'alice.martin@corp.example', email_verified: true });
    const result = await signIn('sub-alice', '/ideas/42');
    expect(result.location).toBe('/ideas/42');
    const session = await sessionOf(result.session);
    expect(session.status).toBe(200);
    expect(session.body!.person.id).toBe(person.id);
    secretsSeen.push(session.body!.csrfToken);
    const link = await ds.getRepository(ExternalIdentity).findOneByOrFail({ personId: person.id });
    expect({ issuer: link.issuer, subject: link.subject }).toEqual({ issuer, subject: 'sub-alice' });
  });

  it('keeps recognising the person by sub after the e-mail changed on both sides', async () => {
    const person = await createPerson('bob.roy@corp.example');
    await setIdpAccount('sub-bob', { email: 'bob.roy@corp.example', email_verified: true });
    expect((await sessionOf((await signIn('sub-bob')).session)).body!.person.id).toBe(person.id);
    await ds.getRepository(Person).update({ id: person.id }, { email: 'robert.roy@corp.example' });
    await setIdpAccount('sub-bob', { email: 'bob@elsewhere.example', email_verified: true });
    const again = await signIn('sub-bob');
    expect(again.location).toBe('/ideas');
    expect((await sessionOf(again.session)).body!.person.id).toBe(person.id);
    expect(await ds.getRepository(ExternalIdentity).countBy({ personId: person.id })).toBe(1);
  });

  it('refuses an unknown e-mail, an unverified e-mail and a deactivated person with a clear redirect', async () => {
    await setIdpAccount('sub-nobody', { email: 'nobody@corp.example', email_verified: true });
    expect(await signIn('sub-nobody')).toMatchObject({
      location: '/?signin_error=sso_unknown_person',
      session: undefined,
    });
    await createPerson('carla.unverified@corp.example');
    await setIdpAccount('sub-carla', { email: 'carla.unverified@corp.example', email_verified: false });
    expect(await signIn('sub-carla')).toMatchObject({
      location: '/?signin_error=sso_email_unverified',
      session: undefined,
    });
    await createPerson('dan.gone@corp.example', false);
    await setIdpAccount('sub-dan', { email: 'dan.gone@corp.example', email_verified: true });
    expect(await signIn('sub-dan')).toMatchObject({ location: '/?signin_error=sso_inactive', session: undefined });
  });

  it('refuses a callback whose state does not match this browser', async () => {
    await createPerson('erin.state@corp.example');
    await setIdpAccount('sub-erin', { email: 'erin.state@corp.example', email_verified: true });
    const { callbackUrl, apiJar } = await toCallback('sub-erin');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'attacker-state');
    const res = await fetchManual(tampered.toString(), apiJar);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?signin_error=sso_failed');
    expect(apiJar.get('eclore_session')).toBeUndefined();
  });

  it('refuses a replayed callback, with or without the old state cookie', async () => {
    await createPerson('fay.replay@corp.example');
    await setIdpAccount('sub-fay', { email: 'fay.replay@corp.example', email_verified: true });
    const first = await signIn('sub-fay');
    expect(first.location).toBe('/ideas');
    // The same browser again: its state cookie was consumed by the first callback.
    const again = await fetch(first.callbackUrl, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe('/?signin_error=sso_expired');
    // An attacker who captured the URL and the old cookie: the provider refuses the used code.
    const replay = await fetch(first.callbackUrl, { redirect: 'manual', headers: { cookie: first.apiJar.header() } });
    expect(replay.headers.get('location')).toBe('/?signin_error=sso_failed');
    expect(
      replay.headers.getSetCookie().some((l) => l.startsWith('eclore_session=') && !l.startsWith('eclore_session=;')),
    ).toBe(false);
  });

  it('refuses a returnTo that leaves the site', async () => {
    const res = await fetch(`${apiUrl}/api/auth/oidc/start?returnTo=${encodeURIComponent('//evil.example/x')}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('returnTo');
  });

  it('writes no password, cookie, token or authorization code to the log', async () => {
    const person = await createPerson('gus.local@corp.example');
    await ds.getRepository(LocalCredential).insert({ personId: person.id, passwordHash: await hashPassword(PASSWORD) });
    const login = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: PASSWORD }),
    });
    expect(login.status).toBe(204);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    secretsSeen.push(cookie.split('=')[1]!);
    const session = (await (await fetch(`${apiUrl}/api/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    secretsSeen.push(session.csrfToken);
    await fetch(`${apiUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': session.csrfToken },
    });
    await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: `${PASSWORD}-wrong` }),
    });
    await new Promise((r) => setTimeout(r, 300)); // let the asynchronous log destination flush
    const log = apiLog.join('');
    expect(log).toContain('/api/auth/oidc/callback'); // the requests were logged…
    const leaked = secretsSeen.filter((s) => s.length >= 8 && log.includes(s));
    expect(leaked).toEqual([]); // …without their secrets
  });
});
