// Import cycles, between files or through a library's public entry (issue 11): `npm run lint` runs
// this after ESLint. dependency-cruiser builds the module graph once; ESLint's import-x/no-cycle
// walked it again from every file and was two thirds of lint's time (docs/performance.md).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: break it by moving what both sides need into a third module.',
      from: {},
      // A type-only import is erased at compile time and closes no cycle at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    // The `@eclore/*` aliases resolve to the libraries' index.ts, so a cycle through two libraries'
    // public entries counts too.
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
