// The API test context: the real application (AppModule, configured by createApiApp as in production)
// on a fresh database and its own queue prefix, with sign-in helpers and one close().
import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, createValidationPipe, loadConfig, trustProxySetting } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { DEMO_PASSWORD, demoEmail, seed } from '@eclore/migrations';
import { AppModule } from '../../apps/api/src/app.module';
import { API_PREFIX, createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '../database';
import { TEST_REDIS_URL } from '../services';
import { signIn, type SignedIn, type SignInOptions } from './agent';

/** A signed-in person whose row the test also holds. */
export interface Member extends SignedIn {
  person: Person;
}
import type { TestPerson } from './factories';

export interface ApiTestOptions {
  /** Names the database and the queue prefix (shows in `\l` when a run is left behind). */
  label: string;
  /** Loads the demo organisation (only suites that need its breadth: the matrix, the leak scan…). */
  seed?: boolean;
  /** Extra environment for the app's configuration; restored on close. */
  env?: Record<string, string | undefined>;
  /**
   * `bootstrap` (default): createApiApp, exactly as main.ts builds it. `module`: the AppModule in a
   * testing module, for extra test-only controllers or a chosen trusted-proxy setting (supertest
   * reaches the app over loopback, so loopback is trusted unless `trustedProxies: null`).
   */
  app?: 'bootstrap' | { controllers?: Type<unknown>[]; trustedProxies?: string | null };
  /** Listens on a real loopback socket (for truly concurrent requests) instead of supertest's own. */
  listen?: boolean;
}

export interface ApiTestContext {
  app: NestExpressApplication;
  ds: DataSource;
  db: TestDatabase;
  /** The environment the app was configured with (database, Redis, queue prefix…), e.g. for a worker. */
  env: Record<string, string>;
  /** A request without a session. */
  http: () => ReturnType<typeof request>;
  signIn: (email: string, password: string, options?: SignInOptions) => Promise<SignedIn>;
  /** Signs in a person made by `makePerson` (with a password). */
  signInAs: (who: TestPerson, options?: SignInOptions) => Promise<Member>;
  /** Signs in a demo person by family name (the context must have `seed: true`). */
  signInDemo: (familyName: string) => Promise<Member>;
  close: () => Promise<void>;
}

export async function createApiTestContext(options: ApiTestOptions): Promise<ApiTestContext> {
  const saved = { ...process.env };
  const db = await createTestDatabase(options.label);
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueQueuePrefix(options.label),
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1:3000',
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete process.env[key];
  let app: NestExpressApplication | undefined;
  try {
    if (options.app === undefined || options.app === 'bootstrap') {
      app = await createApiApp({ logger: false });
      if (options.listen) await app.listen(0, '127.0.0.1');
      else await app.init();
    } else {
      app = await createModuleApp(options.app.controllers, { trustedProxies: options.app.trustedProxies });
    }
    const ds = app.get(DataSource);
    if (options.seed) await seed(ds);
    const ready = app;
    const context: ApiTestContext = {
      app: ready,
      ds,
      db,
      env,
      http: () => request(ready.getHttpServer()),
      signIn: (email, password, o) => signIn(ready, email, password, o),
      signInAs: async (who, o) => {
        if (!who.password) throw new Error(`${who.email} has no password to sign in with`);
        return { ...(await signIn(ready, who.email, who.password, o)), person: who.person };
      },
      signInDemo: async (familyName) => {
        const person = await ds.getRepository(Person).findOneByOrFail({ familyName });
        return { ...(await signIn(ready, demoEmail(person), DEMO_PASSWORD)), person };
      },
      close: async () => {
        await ready.close();
        await db.drop();
        process.env = saved;
      },
    };
    return context;
  } catch (error) {
    await app?.close();
    await db.drop();
    process.env = saved;
    throw error;
  }
}

/**
 * The AppModule in a testing module, optionally with extra controllers, configured like createApiApp
 * (prefix, validation, trusted proxies) but without the web, docs and security-header layers.
 * Reads the database and Redis from the environment a context has set.
 */
export async function createModuleApp(
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

/** Signs several demo people in at once (by family name), typed as a tuple of the same length. */
export async function signInMany<const N extends readonly string[]>(
  ctx: Pick<ApiTestContext, 'signInDemo'>,
  familyNames: N,
): Promise<{ -readonly [K in keyof N]: Member }> {
  return (await Promise.all(familyNames.map((n) => ctx.signInDemo(n)))) as { -readonly [K in keyof N]: Member };
}
