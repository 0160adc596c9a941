#!/usr/bin/env node
// Generates libs/api-client from the API's controllers, without a database or a queue:
//   npm run api-client:generate   writes libs/api-client/openapi.json and libs/api-client/src/generated/
//   npm run api-client:check      regenerates into a temporary folder; exits 1 if anything differs
//
// The API is compiled with SWC into a private folder (so a concurrent `build-server` or a running
// server is never disturbed) and created with Nest's `preview: true`: modules are scanned but no
// provider is instantiated, so nothing connects to PostgreSQL or Redis. The document comes from
// bootstrap.ts's own buildOpenApiDocument, the same one the running API serves.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const libDir = join(root, 'libs/api-client');
const check = process.argv.includes('--check');

async function buildDocument() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const buildDir = mkdtempSync(join(root, 'dist', '.openapi-build-'));
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@swc/cli/bin/swc.js'),
        'apps/api/src',
        'libs/domain/src',
        'libs/server',
        'migrations',
        '-d',
        buildDir,
        '--config-file',
        '.swcrc',
        '--ignore',
        '**/*.spec.ts,**/*.int-spec.ts',
        '--quiet',
      ],
      { cwd: root, stdio: 'inherit' },
    );
    // Resolve modules from inside the repository so node_modules is found.
    const requireFromBuild = createRequire(join(buildDir, 'apps/api/src/bootstrap.js'));
    requireFromBuild('reflect-metadata');
    const { NestFactory } = requireFromBuild('@nestjs/core');
    const { AppModule } = requireFromBuild('./app.module.js');
    const { buildOpenApiDocument, API_PREFIX } = requireFromBuild('./bootstrap.js');
    const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
    app.setGlobalPrefix(API_PREFIX);
    const document = buildOpenApiDocument(app);
    await app.close();
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

async function generate(outDir, documentJson) {
  mkdirSync(outDir, { recursive: true });
  const specPath = join(outDir, 'openapi.json');
  writeFileSync(specPath, documentJson);
  const { createClient } = await import('@hey-api/openapi-ts');
  const generatedDir = join(outDir, 'src/generated');
  await createClient({
    input: specPath,
    logs: { level: 'silent', file: false },
    parser: {
      patch: {
        // Every failure reaches callers as ApiError (src/api-error.ts, installed as an interceptor), so
        // the generated types must not claim the error is the response body. Error responses stay
        // documented in openapi.json; only the generator stops typing them.
        operations: (_method, _path, operation) => {
          for (const status of Object.keys(operation.responses ?? {})) {
            if (!/^2/.test(status)) delete operation.responses[status];
          }
        },
      },
    },
    output: {
      path: generatedDir,
      clean: true,
      // Bundler-style imports (no .js suffix): the web app and Jest both resolve them.
      tsConfigPath: join(libDir, 'tsconfig.json'),
    },
    plugins: [
      {
        name: '@hey-api/client-fetch',
        // Same-origin `/api` (the paths already carry the prefix), cookies sent: see runtime-config.ts.
        // Absolute within outDir, so a check run in a temporary folder yields the same `../runtime-config`.
        runtimeConfigPath: join(outDir, 'src/runtime-config'),
      },
      '@hey-api/typescript',
      '@hey-api/sdk',
      { name: '@tanstack/react-query', queryOptions: true, queryKeys: true, mutationOptions: true, useQuery: true },
    ],
  });
  await format(generatedDir);
}

/** Formats with the repository's Prettier settings (the generated folder is in .prettierignore). */
async function format(dir) {
  const prettier = await import('prettier');
  const options = JSON.parse(readFileSync(join(root, '.prettierrc.json'), 'utf8'));
  for (const file of listFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, await prettier.format(source, { ...options, filepath: file }));
  }
}

function listFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

/** Relative path → content, for the files this script owns. */
function snapshot(base) {
  const files = new Map();
  const spec = join(base, 'openapi.json');
  try {
    files.set('openapi.json', readFileSync(spec, 'utf8'));
  } catch {
    // missing: reported as a difference below
  }
  const generated = join(base, 'src/generated');
  try {
    for (const file of listFiles(generated)) files.set(relative(base, file), readFileSync(file, 'utf8'));
  } catch {
    // missing folder
  }
  return files;
}

const documentJson = await buildDocument();
if (!check) {
  await generate(libDir, documentJson);
  console.log(`API client generated in ${relative(root, libDir)} (openapi.json, src/generated/).`);
} else {
  const tmp = mkdtempSync(join(root, 'dist', '.api-client-check-'));
  try {
    await generate(tmp, documentJson);
    const expected = snapshot(tmp);
    const actual = snapshot(libDir);
    const differences = [];
    for (const [file, content] of expected) {
      if (!actual.has(file)) differences.push(`missing: libs/api-client/${file}`);
      else if (actual.get(file) !== content) differences.push(`out of date: libs/api-client/${file}`);
    }
    for (const file of actual.keys())
      if (!expected.has(file)) differences.push(`not generated: libs/api-client/${file}`);
    if (differences.length) {
      console.error(
        `The checked-in API client differs from the API:\n  ${differences.join('\n  ')}\nRun npm run api-client:generate and commit the result.`,
      );
      process.exitCode = 1;
    } else {
      console.log('The checked-in API client matches the API.');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
