// Test helper: the api (in this process, through the harness's API test context), the built worker
// (a process), a fresh migrated and seeded database, Redis and an SMTP server in this process, wired
// together for the notifications tests.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { SmtpSink, type SmtpSinkOptions } from '../../../../test/smtp-sink';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';
import { startBuiltWorker } from './built-worker';

export const STACK_PUBLIC_URL = 'http://eclore.test:3000';

export interface NotificationStack {
  ctx: ApiTestContext;
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
  const sink = await SmtpSink.start(sinkOptions);
  const ctx = await createApiTestContext({
    label: name,
    seed: true,
    env: { PUBLIC_URL: STACK_PUBLIC_URL, SMTP_URL: sink.url, NODE_ENV: 'test' },
  });
  // The worker shares the api's database, queues, public URL and SMTP server.
  const worker = await startBuiltWorker({ ...ctx.env, LOG_LEVEL: 'warn' });
  return {
    ctx,
    app: ctx.app,
    ds: ctx.ds,
    sink,
    stop: async () => {
      await worker.stop();
      await ctx.close();
      await sink.stop();
    },
  };
}
