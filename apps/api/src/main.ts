import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, keepsStatementsPerConnection } from '@eclore/server-platform';
import { WallService } from '@eclore/server-ideas';
import { SessionService } from '@eclore/server-identity';
import { createApiApp } from './bootstrap';
import { warmUpRequestPath } from './request-warm-up';

async function main(): Promise<void> {
  process.env['ECLORE_PROCESS'] ??= 'eclore-api';
  const app = await createApiApp();
  const config = app.get(AppConfig);
  await app.init();
  await warmUp(app, config);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`Éclore API listening on http://${config.HOST}:${config.PORT}/api\n`);
}

/**
 * Before taking traffic: a restart under load otherwise opens and readies every pool connection and
 * compiles the request path on its first requests (issue 15, cold start; docs/performance.md). First
 * each connection's statements (WallService.warmUp, SessionService.warmUp), then requests through the
 * whole path (request-warm-up.ts). Not in embedded mode (PGlite: one session, no traffic to expect).
 * A failure here only costs that, never the start.
 */
async function warmUp(app: Awaited<ReturnType<typeof createApiApp>>, config: AppConfig): Promise<void> {
  const logger = new Logger('Bootstrap');
  try {
    if (!(await keepsStatementsPerConnection(app.get(DataSource)))) return;
    const started = Date.now();
    await app.get(WallService).warmUp(config.DATABASE_POOL_SIZE);
    await app.get(SessionService).warmUp(config.DATABASE_POOL_SIZE);
    logger.log(`database connections ready in ${Date.now() - started} ms`);
    if (config.WARM_UP_REQUESTS === 0) return;
    const report = await warmUpRequestPath(app, {
      count: config.WARM_UP_REQUESTS,
      concurrency: config.DATABASE_POOL_SIZE,
      deadlineMs: 30_000,
    });
    const failures = report.failed ? `, ${report.failed} failed (first: ${report.firstFailure})` : '';
    const line = `request path warmed: ${report.sent} requests in ${report.ms} ms${failures}`;
    if (report.failed) logger.warn(line);
    else logger.log(line);
  } catch (err: unknown) {
    logger.warn(`warm-up failed: ${String(err)}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
