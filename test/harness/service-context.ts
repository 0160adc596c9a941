// The service test context: one library's Nest module (and what it needs) in a testing module on a
// fresh database, no HTTP. Tests call the services directly with actors made by the factories.
import 'reflect-metadata';
import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, AppConfigModule, DatabaseModule, loadConfig } from '@eclore/server-platform';
import { AccessModule, AuditModule } from '@eclore/server-identity';
import { dataSourceOptions } from '@eclore/migrations';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '../database';
import { TEST_REDIS_URL } from '../services';

type Import = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface ServiceTestOptions {
  label: string;
  /** The modules under test; the audit log and the access policy every library relies on come with the context. */
  imports?: Import[];
  providers?: Provider[];
  /** Configuration on top of the test defaults (the process environment is left untouched). */
  env?: Record<string, string | undefined>;
}

export interface ServiceTestContext {
  module: TestingModule;
  ds: DataSource;
  db: TestDatabase;
  get: <T>(type: Type<T>) => T;
  close: () => Promise<void>;
}

export async function createServiceTestContext(options: ServiceTestOptions): Promise<ServiceTestContext> {
  const db = await createTestDatabase(options.label);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueQueuePrefix(options.label),
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    ...options.env,
  });
  let module: TestingModule | undefined;
  try {
    module = await Test.createTestingModule({
      imports: [
        AppConfigModule,
        DatabaseModule.forRoot(dataSourceOptions),
        AuditModule,
        AccessModule,
        ...(options.imports ?? []),
      ],
      providers: options.providers ?? [],
    })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    module.useLogger(false);
    await module.init();
    const ready = module;
    return {
      module: ready,
      ds: ready.get(DataSource),
      db,
      get: (type) => ready.get(type, { strict: false }),
      close: async () => {
        await ready.close();
        await db.drop();
      },
    };
  } catch (error) {
    await module?.close();
    await db.drop();
    throw error;
  }
}
