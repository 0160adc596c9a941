// Prints the gzipped size of every chunk of the web build and of every load (the first page, each
// lazy screen), and exits 1 when a load exceeds its budget (scripts/web-budget-lib.cjs).
// Run by `npm run build:web` after `vite build` and scripts/web-precompress.mjs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measure, report } from './web-budget-lib.cjs';

const dir = resolve(process.argv[2] ?? 'dist/web');
const manifestPath = join(dir, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`web budget: ${manifestPath} is missing (build.manifest in apps/web/vite.config.mts)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** The size on the wire: the .gz the api serves, or the file gzipped here when it has none. */
function gzipBytes(file) {
  const path = join(dir, file);
  return existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : gzipSync(readFileSync(path), { level: 9 }).length;
}
const brotliBytes = (file) => {
  const path = join(dir, `${file}.br`);
  return existsSync(path) ? statSync(path).size : undefined;
};

const chunkFiles = [...new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))];
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(6);
console.log('chunk sizes (kB: raw, gzip, brotli):');
for (const file of chunkFiles.sort((a, b) => gzipBytes(b) - gzipBytes(a))) {
  const br = brotliBytes(file);
  console.log(
    `  ${kb(statSync(join(dir, file)).size)} ${kb(gzipBytes(file))} ${br === undefined ? '     -' : kb(br)}  ${file}`,
  );
}
console.log('loads against their budgets:');
const loads = measure(manifest, gzipBytes);
console.log(report(loads));
if (loads.some((l) => l.overBudget)) process.exit(1);
