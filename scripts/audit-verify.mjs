#!/usr/bin/env node
// Verifies the audit log's hash chain: recomputes every link in order and prints `ok, N entries` (exit 0)
// or the first broken row (exit 1). Uses the same hash function as the api (audit-chain.ts).
//   DATABASE_URL=postgres://… npm run audit:verify
// In a source checkout it compiles the server first; in the api image it uses the compiled dist/.
// Any role that can SELECT audit_event and audit_chain_head may run it (the application role can).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must be set (e.g. postgres://user@host:5432/eclore)');
  process.exit(2);
}
if (existsSync(join(root, 'libs'))) {
  execFileSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
}
const dist = join(root, 'dist/server');
require('reflect-metadata');
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require(join(dist, 'migrations/index.js'));
const { AuditChainService } = require(join(dist, 'libs/server/identity/src/audit/audit-chain.service.js'));
const { describeVerdict } = require(join(dist, 'libs/server/identity/src/audit/audit-chain.js'));

const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 1, logging: ['error'] }));
await dataSource.initialize();
try {
  const verdict = await new AuditChainService(dataSource).verify();
  console.log(`Audit log: ${describeVerdict(verdict)}`);
  process.exitCode = verdict.ok ? 0 : 1;
} finally {
  await dataSource.destroy();
}
