import { Logger } from '@nestjs/common';
import { AppConfig } from '@eclore/server-platform';
import { WallService } from '@eclore/server-ideas';
import { SessionService } from '@eclore/server-identity';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  process.env['ECLORE_PROCESS'] ??= 'eclore-api';
  const app = await createApiApp();
  const config = app.get(AppConfig);
  await app.init();
  // Before taking traffic: a restart under load otherwise opens and readies every pool connection
  // on the first requests (WallService.warmUp). A failure here only costs that, never the start.
  const started = Date.now();
  await app
    .get(WallService)
    .warmUp(config.DATABASE_POOL_SIZE)
    .then(() => app.get(SessionService).warmUp(config.DATABASE_POOL_SIZE))
    .then(() => new Logger('Bootstrap').log(`database connections ready in ${Date.now() - started} ms`))
    .catch((err: unknown) => new Logger('Bootstrap').warn(`connection warm-up failed: ${String(err)}`));
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`Éclore API listening on http://${config.HOST}:${config.PORT}/api\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
