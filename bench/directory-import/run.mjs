#!/usr/bin/env node
// Directory import benchmark (npm run bench:directory):
//   1. generates the 200 000-row CSV (generate.mjs) unless it exists;
//   2. compiles the server code with SWC into a private folder (never touching dist/server, which
//      tests and running servers may be using);
//   3. creates a scratch database, migrates it, and runs the real DirectoryImportRunner three times:
//      first import (all created), the same file again (all unchanged), a changed file (1 % renamed,
//      1 % moved, 1 % gone, 1 % new); prints count/validate/apply/total for each; drops the database.
// Environment: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_ROWS.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { adminQuery, compile, databaseUrl, machine, root } from '../support/index.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const csvPath = join(root, 'dist', 'bench', `directory-${ROWS}.csv`);
const changedPath = join(root, 'dist', 'bench', `directory-${ROWS}-changed.csv`);

function ms(n) {
  return `${(n / 1000).toFixed(2)} s`.padStart(9);
}

/** The same file with 1 % renamed, 1 % moved to another unit, 1 % removed, and 1 % newcomers. */
async function writeChangedFile() {
  let i = 0;
  let last;
  const transform = async function* (records) {
    for await (const r of records) {
      if (i++ === 0) {
        yield r;
        continue;
      }
      last = r;
      if (i % 100 === 1) continue; // gone
      if (i % 100 === 2) r[2] = `${r[2]}-Martin`; // renamed (marriage)
      if (i % 100 === 3 && r[6] === 'unit') [r[4], r[5]] = [prevUnit?.[0] ?? r[4], prevUnit?.[1] ?? r[5]]; // moved
      if (r[6] === 'unit') prevUnit = [r[4], r[5]];
      yield r;
    }
    for (let n = 0; n < ROWS / 100; n++) {
      yield [
        `N${n}`,
        'Nouvelle',
        `Recrue${n}`,
        `nouvelle.recrue.${n}@agents.example.org`,
        last[4],
        last[5],
        last[6],
        last[7],
        '',
      ];
    }
  };
  let prevUnit;
  await pipeline(
    createReadStream(csvPath),
    parse({ bom: true, delimiter: ';' }),
    transform,
    stringify({ delimiter: ';' }),
    createWriteStream(changedPath),
  );
}

async function main() {
  if (!existsSync(csvPath))
    execFileSync(process.execPath, [join(root, 'bench/directory-import/generate.mjs'), String(ROWS), csvPath], {
      stdio: 'inherit',
    });
  await writeChangedFile();

  const build = compile();
  const require = createRequire(join(build, 'migrations', 'index.js'));
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require('./index.js');
  const { DirectoryImportRunner } = require('../libs/server/identity/src/index.js');
  const { LocalDiskStorage } = require('../libs/server/platform/src/index.js');

  const dbName = `eclore_bench_directory_${process.pid}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'eclore-bench-'));
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  const ds = new DataSource(dataSourceOptions(databaseUrl(dbName), { poolSize: 4 }));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const storage = new LocalDiskStorage(storageDir);
    const runner = new DirectoryImportRunner(ds, storage);

    console.log(`Directory import benchmark: ${ROWS} rows; machine: ${machine()}`);
    const pg = (await ds.query('SHOW server_version'))[0].server_version;
    console.log(`PostgreSQL ${pg}\n`);
    console.log(
      `${'run'.padEnd(34)}${'count'.padStart(9)}${'validate'.padStart(9)}${'apply'.padStart(9)}${'total'.padStart(9)}   outcome`,
    );
    for (const [label, file] of [
      ['first import (all new)', csvPath],
      ['same file again (no change)', csvPath],
      ['changed file (4 % changes)', changedPath],
    ]) {
      const id = randomUUID();
      const key = `directory-imports/${id}.csv`;
      await storage.put(key, createReadStream(file));
      await ds.query(
        `INSERT INTO directory_import (id, status, file_name, storage_key, errors) VALUES ($1, 'queued', 'bench.csv', $2, '[]')`,
        [id, key],
      );
      const outcome = await runner.run(id);
      if (outcome.kind !== 'completed') throw new Error(`${label}: ${JSON.stringify(outcome).slice(0, 2000)}`);
      const t = outcome.timings;
      const c = outcome.counts;
      console.log(
        `${label.padEnd(34)}${ms(t.countMs)}${ms(t.validateMs)}${ms(t.applyMs)}${ms(t.totalMs)}   created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, deactivated ${c.deactivated}`,
      );
    }
    const [{ units }] = await ds.query(`SELECT count(*)::int AS units FROM org_unit WHERE active`);
    console.log(`\n${units} active org units; head counts recomputed on each run.`);
  } finally {
    await ds.destroy().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    rmSync(storageDir, { recursive: true, force: true });
    rmSync(build, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
