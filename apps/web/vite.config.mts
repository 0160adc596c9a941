import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** The aliases of tsconfig.base.json, so Vite and the type checker resolve `@eclore/*` identically. */
function tsconfigAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, resolve(root, target ?? '')]),
  );
}

const apiTarget = process.env['ECLORE_API_URL'] ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { alias: tsconfigAliases() },
  server: {
    port: 4200,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4300,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    // Maps for our own debugging, never referenced from the bundles; the api refuses *.map in production.
    sourcemap: 'hidden',
    // The chunk graph for scripts/web-budget.mjs (in .vite/, a dot folder the api never serves).
    manifest: true,
    // scripts/web-budget.mjs prints the sizes we actually serve (the precompressed files).
    reportCompressedSize: false,
  },
});
