// Test helpers for the access tests: the real AppModule (real PostgreSQL and Redis), optionally with
// extra test-only controllers, configured like createApiApp; and people created straight in the database.
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, createValidationPipe, loadConfig, trustProxySetting } from '@eclore/server-platform';
import { hashPassword, LocalCredential, OrgUnit, Person, RoleGrant } from '@eclore/server-identity';
import type { GrantableRole } from '@eclore/domain';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../bootstrap';

/**
 * Supertest reaches the app over loopback, so the tests trust loopback as their proxy by default and
 * choose each request's client address with X-Forwarded-For; `trustedProxies: null` runs with no
 * trusted proxy, as production does by default (the socket's address is the client's).
 */
export async function createTestApp(
  controllers: Type<unknown>[] = [],
  options: { trustedProxies?: string | null } = {},
): Promise<NestExpressApplication> {
  const trusted = options.trustedProxies === undefined ? 'loopback' : options.trustedProxies;
  const config = loadConfig({ ...process.env, TRUSTED_PROXIES: trusted ?? undefined });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule], controllers })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  app.set('trust proxy', trustProxySetting(config));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  await app.init();
  return app;
}

let counter = 0;

export async function createUnit(ds: DataSource, code: string, parent: OrgUnit | null = null): Promise<OrgUnit> {
  const repo = ds.getRepository(OrgUnit);
  const unit = repo.create({
    code,
    name: `Unit ${code}`,
    kind: parent ? 'service' : 'direction',
    parentId: parent?.id ?? null,
    path: [],
  });
  await repo.insert(unit);
  unit.path = [...(parent?.path ?? []), unit.id];
  await repo.update({ id: unit.id }, { path: unit.path });
  return unit;
}

export interface TestPerson {
  person: Person;
  email: string;
  password: string | null;
}

/** A person (active unless told), with a local password unless `password: null`, and role grants. */
export async function createPerson(
  ds: DataSource,
  options: {
    email?: string;
    password?: string | null;
    active?: boolean;
    unit?: OrgUnit | null;
    grants?: { role: GrantableRole; unit?: OrgUnit }[];
  } = {},
): Promise<TestPerson> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  const email = options.email ?? `person.${tag}@test.example`;
  const person = ds.getRepository(Person).create({
    employeeNumber: `T-${tag}`,
    givenName: 'Test',
    familyName: `Person ${tag}`,
    email,
    orgUnitId: options.unit?.id ?? null,
    active: options.active ?? true,
    deactivatedAt: options.active === false ? new Date() : null,
    locale: null,
  });
  await ds.getRepository(Person).insert(person);
  const password = options.password === undefined ? `correct horse battery ${tag}` : options.password;
  if (password)
    await ds.getRepository(LocalCredential).insert({ personId: person.id, passwordHash: await hashPassword(password) });
  for (const grant of options.grants ?? []) {
    await ds.getRepository(RoleGrant).insert({
      personId: person.id,
      role: grant.role,
      scopeKind: grant.unit ? 'org_unit' : 'organisation',
      scopeOrgUnitId: grant.unit?.id ?? null,
      scopeTheme: null,
    });
  }
  return { person, email, password };
}

export interface Agent {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
  cookie: string;
}

/** Signs in through the real login route; returns the agent (cookie jar), the raw cookie and the CSRF token. */
export async function signIn(
  app: NestExpressApplication,
  email: string,
  password: string,
  address = '10.0.0.1',
): Promise<Agent> {
  const agent = request.agent(app.getHttpServer());
  const login = await agent
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ email, password })
    .expect(204);
  const cookie = sessionCookieOf(login.headers['set-cookie']);
  const session = await agent.get('/api/session').expect(200);
  return { agent, csrfToken: session.body.csrfToken as string, cookie };
}

/** The `eclore_session=…` pair of a response's Set-Cookie lines ('' when absent). */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const line = lines.find((l) => l.startsWith('eclore_session='));
  return line ? (line.split(';')[0] ?? '') : '';
}
