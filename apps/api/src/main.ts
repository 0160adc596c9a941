import { AppConfig } from '@eclore/server-platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  process.env['ECLORE_PROCESS'] ??= 'eclore-api';
  const app = await createApiApp();
  const config = app.get(AppConfig);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`Éclore API listening on http://${config.HOST}:${config.PORT}/api\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
