// ESLint 9 flat config for the whole workspace.
// The layer rules live in @nx/enforce-module-boundaries below; they read Nx's cached project graph,
// which `npm run lint` refreshes first (without a graph the Nx rule only prints a warning and skips).
// test/boundaries.spec.ts proves that a forbidden import fails lint.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Framework and infrastructure packages the pure domain must never import (it also runs in the browser). */
const FRAMEWORK_PACKAGES = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'bullmq',
  'ioredis',
  'pg',
  'express',
  'react',
  'react/*',
  'react-*',
  'react-*/*',
];

/** One public entry per library: `@eclore/x`, never `@eclore/x/src/...`. */
const NO_DEEP_IMPORTS = {
  group: ['@eclore/*/**'],
  message: "Import a library through its public entry ('@eclore/<lib>', i.e. src/index.ts), not a file inside it.",
};

/** Type-aware rules (floating promises and friends) run where a tsconfig owns every file. */
const TYPED_FILES = [
  'apps/api/**/*.ts',
  'apps/worker/**/*.ts',
  'libs/domain/**/*.ts',
  'libs/server/**/*.ts',
  'migrations/**/*.ts',
];

/** Layer rules: tags are set in each project.json. */
const BOUNDARIES = {
  enforceBuildableLibDependency: false,
  // Tests may import the workspace's shared test helpers (test/ belongs to no project).
  allow: ['^(\\.\\./)+test/'],
  depConstraints: [
    // Layers
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: FRAMEWORK_PACKAGES },
    { sourceTag: 'type:api-client', onlyDependOnLibsWithTags: ['type:domain'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:api-client'] },
    { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:api-client', 'type:migrations'],
    },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:api-client'] },
    // Sides: the server never sees web code, the web never sees server code
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  ],
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out-tsc/**',
      '**/coverage/**',
      '.nx/**',
      '.eclore/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'libs/api-client/src/generated/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-imports': ['error', { patterns: [NO_DEEP_IMPORTS] }],
    },
  },
  {
    files: TYPED_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': ['error', BOUNDARIES] },
  },
  {
    // Belt and braces for the domain: also caught without Nx's project graph, and for packages not installed.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_IMPORTS,
            {
              group: FRAMEWORK_PACKAGES,
              message: 'libs/domain is pure TypeScript: no framework, database, queue or UI import.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'apps/api/**',
      'apps/worker/**',
      'libs/server/**',
      'migrations/**',
      'scripts/**',
      'test/**',
      'bench/**',
      'docker/**',
      '*.{js,mjs,cjs,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['apps/web/**', 'libs/web/**', 'libs/api-client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}', 'libs/api-client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['apps/web-e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // Server code reads in one screen (issue 11): a longer function is split by what it does.
    files: ['libs/server/**/*.ts', 'apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts'],
    // Tests and the fixtures only they load (the anonymity scan's dataset) are data, not use cases.
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'apps/api/src/access/anonymity-dataset.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Repositories own the SQL (docs/architecture.md §6): a service asks its repository.
    files: ['libs/server/**/*.service.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|getRepository)$/]',
          message: "A service does not run SQL: put the query in the feature's repository and call it from here.",
        },
      ],
    },
  },
  {
    // No hand-written source file over 400 lines (issue 11); tests and generated code aside.
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/*.e2e.ts', 'migrations/*-*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
