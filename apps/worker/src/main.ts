import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertHandlerRegistry, loadConfig } from '@eclore/server-platform';
import { WORKER_HANDLERS } from './handlers';
import { WorkerLifecycle, WorkerModule } from './worker.module';

async function main(): Promise<void> {
  process.env['ECLORE_PROCESS'] = 'eclore-worker';
  // Both checks run before Nest boots: a bad deploy stops here, naming the variable or the job.
  assertHandlerRegistry(WORKER_HANDLERS);
  const config = loadConfig();

  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, handlers: WORKER_HANDLERS }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));

  // Own signal handling rather than enableShutdownHooks(), which re-raises the signal after closing
  // (exit by signal); an orderly stop must exit 0.
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.get(Logger).log(`${signal} received`, 'Worker');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Éclore worker: shutdown failed: ${err instanceof Error ? err.stack : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  await app.get(WorkerLifecycle).start();
  process.stdout.write('Éclore worker ready\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
