// One Jest run, three projects: unit tests (*.spec.ts, beside the code), integration tests
// (*.int-spec.ts, against real PostgreSQL and Redis) and web component tests (*.spec.tsx, in jsdom). SWC compiles with decorator metadata.
// `--selectProjects` takes a list: a test path written after it is swallowed as a project name and
// every suite of the project runs. Refuse that instead of silently running the whole suite.
{
  const i = process.argv.indexOf('--selectProjects');
  const next = i >= 0 ? process.argv.slice(i + 1).find((a) => !['unit', 'integration', 'web'].includes(a)) : undefined;
  if (next && !next.startsWith('-') && /[/.]/.test(next)) {
    throw new Error(
      `jest: "${next}" follows --selectProjects, which takes a list of project names and would swallow it (every suite would run). ` +
        'Put the path first or leave --selectProjects out: `npx jest --maxWorkers=1 <path>` (the file name selects the project).',
    );
  }
}
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const ESM_ONLY = ['htmlparser2', 'domelementtype', 'domhandler', 'domutils', 'dom-serializer', 'entities', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', '@borewit'];
const moduleNameMapper = {
  '^@eclore/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@eclore/api-client$': '<rootDir>/libs/api-client/src/index.ts',
  '^@eclore/server-platform$': '<rootDir>/libs/server/platform/src/index.ts',
  '^@eclore/server-identity$': '<rootDir>/libs/server/identity/src/index.ts',
  '^@eclore/server-ideas$': '<rootDir>/libs/server/ideas/src/index.ts',
  '^@eclore/server-notifications$': '<rootDir>/libs/server/notifications/src/index.ts',
  '^@eclore/server-webhooks$': '<rootDir>/libs/server/webhooks/src/index.ts',
  '^@eclore/server-qualification$': '<rootDir>/libs/server/qualification/src/index.ts',
  '^@eclore/server-committee$': '<rootDir>/libs/server/committee/src/index.ts',
  '^@eclore/server-realisation$': '<rootDir>/libs/server/realisation/src/index.ts',
  '^@eclore/server-recognition$': '<rootDir>/libs/server/recognition/src/index.ts',
  '^@eclore/web-ui$': '<rootDir>/libs/web/ui/src/index.ts',
  '^@eclore/migrations$': '<rootDir>/migrations/index.ts',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web-e2e/'],
  // ESM-only packages (sanitize-html's parser, file-type): Node 20 require()s them at run time, but
  // Jest's CommonJS runtime cannot, so SWC compiles them to CommonJS here.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations,scripts,test}/**/*.spec.ts'], testEnvironment: 'node' },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,migrations,scripts,test}/**/*.int-spec.ts'],
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/{apps/web,libs/web}/**/*.spec.tsx'],
      testEnvironment: 'jsdom',
      moduleNameMapper: { ...moduleNameMapper, '\\.css$': '<rootDir>/libs/web/ui/test/css-stub.cjs' },
      setupFiles: ['<rootDir>/libs/web/ui/test/setup.ts'],
    },
  ],
  // Global, not per project: Jest ignores a project-level testTimeout.
  testTimeout: 60000,
};
