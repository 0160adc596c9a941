// The API test context: the real application (AppModule, configured by createApiApp as in production)
// on a fresh database and its own queue prefix, with sign-in helpers and one close().
import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, createValidationPipe, loadConfig, trustProxySetting } from '@eclore/server-platform';
import { DEMO_PASSWORD, demoEmail, seed } from '@eclore/migrations';
import { AppModule } from '../../apps/api/src/app.module';
import { API_PREFIX, createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '../database';
import { TEST_REDIS_URL } from '../services';
import { signIn, type SignedIn, type SignInOptions } from './agent';
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
}

export interface ApiTestContext {
  app: NestExpressApplication;
  ds: DataSource;
  db: TestDatabase;
  /** A request without a session. */
  http: () => ReturnType<typeof request>;
  signIn: (email: string, password: string, options?: SignInOptions) => Promise<SignedIn>;
  /** Signs in a person made by `makePerson` (with a password). */
  signInAs: (who: TestPerson, options?: SignInOptions) => Promise<SignedIn>;
  /** Signs in a demo person (the context must have `seed: true`). */
  signInDemo: (givenName: string, familyName: string) => Promise<SignedIn>;
  close: () => Promise<void>;
}

export async function createApiTestContext(options: ApiTestOptions): Promise<ApiTestContext> {
  const saved = { ...process.env };
  const db = await createTestDatabase(options.label);
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueQueuePrefix(options.label),
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1:3000',
  });
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  let app: NestExpressApplication | undefined;
  try {
    if (options.app === undefined || options.app === 'bootstrap') {
      app = await createApiApp({ logger: false });
      await app.init();
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
      http: () => request(ready.getHttpServer()),
      signIn: (email, password, o) => signIn(ready, email, password, o),
      signInAs: (who, o) => {
        if (!who.password) throw new Error(`${who.email} has no password to sign in with`);
        return signIn(ready, who.email, who.password, o);
      },
      signInDemo: (givenName, familyName) => signIn(ready, demoEmail({ givenName, familyName }), DEMO_PASSWORD),
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
