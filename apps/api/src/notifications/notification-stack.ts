// Test helper: the api (in this process), the built worker (a process), a fresh migrated and seeded
// database, Redis and an SMTP server in this process, wired together for the notifications tests.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { seed } from '@eclore/migrations';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { SmtpSink, type SmtpSinkOptions } from '../../../../test/smtp-sink';
import { startBuiltWorker } from './built-worker';
import { createApiApp } from '../bootstrap';

export const STACK_PUBLIC_URL = 'http://eclore.test:3000';

export interface NotificationStack {
  app: NestExpressApplication;
  ds: DataSource;
  sink: SmtpSink;
  /** Stops the worker, the api and the SMTP server, drops the database and restores the environment. */
  stop: () => Promise<void>;
}

export async function startNotificationStack(
  name: string,
  sinkOptions: SmtpSinkOptions = {},
): Promise<NotificationStack> {
  const saved = { ...process.env };
  const sink = await SmtpSink.start(sinkOptions);
  const db = await createTestDatabase(name);
  const prefix = uniqueQueuePrefix(name);
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    PUBLIC_URL: STACK_PUBLIC_URL,
    SMTP_URL: sink.url,
  };
  Object.assign(process.env, env, { LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const app = await createApiApp({ logger: false });
  await app.init();
  const ds = app.get(DataSource);
  await seed(ds);
  const worker = await startBuiltWorker({ ...env, LOG_LEVEL: 'warn' });
  return {
    app,
    ds,
    sink,
    stop: async () => {
      await worker.stop();
      await app.close();
      await sink.stop();
      await db.drop();
      process.env = saved;
    },
  };
}
