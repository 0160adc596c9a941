// Shared by the operator commands (create-admin, demo-accounts): the server build and a data source
// on DATABASE_URL, opened through the compiled migrations like `npm start` does.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plan, serverTargets } from './embedded/build.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tty = Boolean(process.stderr.isTTY);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[39m` : s);

export function fail(en, fr, code = 1) {
  process.stderr.write(`${red('✖')} ${en}\n  ${fr}\n`);
  process.exit(code);
}

/** The compiled module `dist/server/migrations/<name>.js`, building the server first when it is missing or stale. */
export function requireCompiled(name) {
  if (plan(root, process.env.ECLORE_BUILD ?? 'auto', false).server) {
    execFileSync(process.execPath, [join(root, 'scripts/build-server.mjs')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const require = createRequire(serverTargets(root).migrations);
  require('reflect-metadata');
  return require(`./${name}.js`);
}

/** Runs `fn(dataSource)` on DATABASE_URL (migrated first: the command may be the first thing run on a fresh database). */
export async function withDatabase(fn) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    fail(
      'DATABASE_URL must be set to the database of the install (e.g. postgres://eclore@db.internal:5432/eclore).',
      "DATABASE_URL doit désigner la base de l'installation (ex. postgres://eclore@db.internal:5432/eclore).",
      2,
    );
  }
  const { dataSourceOptions } = requireCompiled('data-source-options');
  const require = createRequire(serverTargets(root).migrations);
  const { DataSource } = require('typeorm');
  const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 1, logging: ['error'] }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
