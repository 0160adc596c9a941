#!/usr/bin/env node
// Migrations, through TypeORM's own CLI on the compiled data source (synchronize stays off).
//   npm run migration:run                     apply pending migrations to MIGRATION_DATABASE_URL
//                                             (the schema owner), else DATABASE_URL
//   npm run migration:revert                  undo the last one
//   npm run migration:generate -- AddIdeas    diff the entities against a scratch database migrated
//                                             to the latest migration; writes migrations/<ts>-AddIdeas.ts
//                                             and appends it to migrations/list.ts
//   npm run migration:check                   fails if generate would write anything (schema drift)
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, name] = process.argv.slice(2);
const cli = join(root, 'node_modules/typeorm/cli.js');
const dataSource = join(root, 'dist/server/migrations/data-source.js');

function typeorm(args, env) {
  execFileSync(process.execPath, [cli, ...args, '-d', dataSource], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

async function withScratchDatabase(fn) {
  const adminUrl = process.env.DATABASE_URL ?? process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `eclore_scratch_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  try {
    typeorm(['migration:run'], { DATABASE_URL: url.toString() });
    return fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

execFileSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });

switch (command) {
  case 'run':
  case 'revert':
    if (!process.env.MIGRATION_DATABASE_URL && !process.env.DATABASE_URL) {
      console.error('DATABASE_URL (or MIGRATION_DATABASE_URL) must be set (e.g. postgres://user@host:5432/eclore)');
      process.exit(2);
    }
    // The owner role migrates; the api and the worker may run as a role that cannot alter the audit log.
    typeorm([command === 'run' ? 'migration:run' : 'migration:revert'], {
      DATABASE_URL: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
    });
    break;
  case 'generate': {
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
      console.error('Usage: npm run migration:generate -- PascalCaseName');
      process.exit(2);
    }
    const before = new Set(readdirSync(join(root, 'migrations')));
    await withScratchDatabase((url) => typeorm(['migration:generate', `migrations/${name}`, '--pretty'], { DATABASE_URL: url }));
    const created = readdirSync(join(root, 'migrations')).filter((f) => !before.has(f) && f.endsWith('.ts'));
    for (const file of created) {
      const className = /export class (\w+)/.exec(readFileSync(join(root, 'migrations', file), 'utf8'))?.[1];
      const list = readFileSync(join(root, 'migrations/list.ts'), 'utf8');
      const importLine = `import { ${className} } from './${file.replace(/\.ts$/, '')}';\n`;
      const updated = importLine + list.replace(/= \[([^\]]*)\];/, (_m, inner) => `= [${inner.trim() ? inner.trim().replace(/,$/, '') + ', ' : ''}${className}];`);
      writeFileSync(join(root, 'migrations/list.ts'), updated);
      console.log(`Added ${file} to migrations/list.ts; review it before committing.`);
    }
    break;
  }
  case 'check':
    await withScratchDatabase((url) => typeorm(['migration:generate', 'migrations/Drift', '--check'], { DATABASE_URL: url }));
    console.log('No schema drift: the entities match the migrations.');
    break;
  default:
    console.error('Usage: migrate.mjs run|revert|generate <Name>|check');
    process.exit(2);
}
