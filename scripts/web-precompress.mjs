// Writes a brotli (.br) and a gzip (.gz) copy beside each compressible file of the web build, at
// the highest levels: the api serves them by Accept-Encoding (apps/api/src/static-web.ts), so the
// cost is paid once at build time instead of on every response.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|ico)$/;
// Below this a compressed copy saves less than its own headers cost.
const MIN_BYTES = 256;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const dir = resolve(process.argv[2] ?? 'dist/web');
let count = 0;
for (const path of files(dir)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const content = readFileSync(path);
  if (content.length < MIN_BYTES) continue;
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
  );
  count += 1;
}
console.log(`precompressed ${count} files of ${dir} (.br and .gz)`);
