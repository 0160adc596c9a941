// Compiles the api, the worker, the server libraries and the migrations to dist/ with SWC
// (decorator metadata included; tsconfig path aliases rewritten to relative requires).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'server');
rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@swc/cli/bin/swc.js'), 'apps/api/src', 'apps/worker/src', 'libs/domain/src', 'libs/server', 'migrations',
   '-d', out, '--config-file', '.swcrc', '--copy-files', '--ignore', '**/*.spec.ts,**/*.int-spec.ts', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
