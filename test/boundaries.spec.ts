// Proves the layer rules of eslint.config.mjs really bite: in-memory files placed at real paths of the
// workspace are linted with the workspace's own config, and a forbidden import must be an error.
// ESLint runs in a child process: its flat config is ES modules, which Jest's CommonJS sandbox cannot load.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..');

interface Case {
  filePath: string;
  code: string;
}
interface LintMessage {
  ruleId: string | null;
  message: string;
  severity: number;
}

// Type information is switched off for these virtual files (they are in no tsconfig); the boundary
// rules do not need it.
const RUNNER = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
  out.push(result.messages.map(({ ruleId, message, severity }) => ({ ruleId, message, severity })));
}
process.stdout.write(JSON.stringify(out));
`;

function lint(cases: Case[]): LintMessage[][] {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', RUNNER, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as LintMessage[][];
}

const importing = (specifier: string, name: string): string =>
  `import { ${name} } from '${specifier}';\n\nexport const used = ${name};\n`;

const CASES = {
  domainImportsServer: { filePath: 'libs/domain/src/x.ts', code: importing('@eclore/server-platform', 'AppConfig') },
  domainImportsNest: { filePath: 'libs/domain/src/x.ts', code: importing('@nestjs/common', 'Injectable') },
  domainImportsTypeorm: { filePath: 'libs/domain/src/x.ts', code: importing('typeorm', 'Entity') },
  domainImportsReact: { filePath: 'libs/domain/src/x.ts', code: importing('react', 'useState') },
  domainImportsBullmq: { filePath: 'libs/domain/src/x.ts', code: importing('bullmq', 'Queue') },
  serverImportsWeb: { filePath: 'libs/server/platform/src/x.ts', code: importing('@eclore/web-ui', 'Button') },
  webImportsServer: { filePath: 'libs/web/ui/src/x.ts', code: importing('@eclore/server-platform', 'AppConfig') },
  libImportsApp: { filePath: 'libs/server/platform/src/x.ts', code: `import '../../../../apps/api/src/bootstrap';\n` },
  relativeIntoLibrary: { filePath: 'apps/api/src/x.ts', code: importing('../../../libs/domain/src/index', 'NotFound') },
  deepImport: { filePath: 'apps/api/src/x.ts', code: importing('@eclore/domain/src/errors/domain-error', 'NotFound') },
  serverImportsDomain: { filePath: 'libs/server/platform/src/x.ts', code: importing('@eclore/domain', 'NotFound') },
  webImportsDomain: { filePath: 'libs/web/ui/src/x.ts', code: importing('@eclore/domain', 'NotFound') },
  appImportsServerLib: { filePath: 'apps/api/src/x.ts', code: importing('@eclore/server-platform', 'AppConfig') },
  domainImportsNothingOfOurs: { filePath: 'libs/domain/src/x.ts', code: `export const pure = 1;\n` },
} satisfies Record<string, Case>;
type CaseName = keyof typeof CASES;

describe('module boundaries (eslint.config.mjs)', () => {
  let results: Record<CaseName, LintMessage[]>;

  beforeAll(() => {
    // @nx/enforce-module-boundaries reads the cached project graph and silently skips without it:
    // compute it first, as `npm run lint` does.
    execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
    const names = Object.keys(CASES) as CaseName[];
    const messages = lint(names.map((n) => CASES[n]));
    results = Object.fromEntries(names.map((n, i) => [n, messages[i] ?? []])) as Record<CaseName, LintMessage[]>;
  }, 120_000);

  const errorsOf = (name: CaseName, ruleId?: string) =>
    results[name].filter((m) => m.severity === 2 && (ruleId === undefined || m.ruleId === ruleId));
  const boundary = '@nx/enforce-module-boundaries';

  it('lints the virtual files without parse errors', () => {
    for (const [name, messages] of Object.entries(results)) {
      expect({ name, fatal: messages.filter((m) => m.ruleId === null) }).toEqual({ name, fatal: [] });
    }
  });

  it('forbids the domain from importing any library of ours', () => {
    // Every library may depend on the domain, so the rule may report the cycle before the tag rule.
    expect(errorsOf('domainImportsServer', boundary).map((m) => m.message)).toEqual([
      expect.stringMatching(/"type:domain" cannot depend on any libs with tags|^Circular dependency between "domain"/),
    ]);
  });

  it.each(['domainImportsNest', 'domainImportsTypeorm', 'domainImportsReact', 'domainImportsBullmq'] as const)(
    'forbids the domain from importing framework packages (%s)',
    (name) => {
      expect(errorsOf(name, boundary).map((m) => m.message)).toEqual([
        expect.stringMatching(/^A project tagged with "type:domain" is not allowed to import/),
      ]);
      expect(errorsOf(name, 'no-restricted-imports')).toHaveLength(1);
    },
  );

  it('forbids server code from importing web code', () => {
    expect(errorsOf('serverImportsWeb', boundary).map((m) => m.message)).toEqual([
      expect.stringContaining('"scope:server" can only depend on libs tagged with "scope:server", "scope:shared"'),
    ]);
  });

  it('forbids web code from importing server code', () => {
    expect(errorsOf('webImportsServer', boundary).map((m) => m.message)).toEqual([
      expect.stringContaining('"scope:web" can only depend on libs tagged with "scope:web", "scope:shared"'),
    ]);
  });

  it('forbids libraries from importing apps', () => {
    expect(errorsOf('libImportsApp', boundary).length).toBeGreaterThan(0);
  });

  it('forbids reaching into another project by a relative path or past its public entry', () => {
    expect(errorsOf('relativeIntoLibrary', boundary).map((m) => m.message)).toEqual([
      expect.stringContaining('Projects cannot be imported by a relative or absolute path'),
    ]);
    expect(errorsOf('deepImport', 'no-restricted-imports').map((m) => m.message)).toEqual([
      expect.stringContaining("through its public entry ('@eclore/<lib>'"),
    ]);
  });

  it.each(['serverImportsDomain', 'webImportsDomain', 'appImportsServerLib', 'domainImportsNothingOfOurs'] as const)(
    'allows %s',
    (name) => {
      expect(errorsOf(name)).toEqual([]);
    },
  );
});

/**
 * Import cycles are dependency-cruiser's (.dependency-cruiser.cjs, run by `npm run lint`): its rule,
 * on a small tree written to a temporary folder (a file in the workspace would fail the lint that runs
 * beside the tests), with a path alias to a library's index as the workspace has.
 */
describe('import cycles (.dependency-cruiser.cjs)', () => {
  let dir: string;
  let cycles: string[][];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eclore-cycles-'));
    const files: Record<string, string> = {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@probe/lib': ['./lib/index.ts'] } } }),
      // A cycle between two files.
      'app/a.ts': `import { b } from './b';\nexport const a = () => b;\n`,
      'app/b.ts': `import { a } from './a';\nexport const b = () => a;\n`,
      // A cycle through a library's public entry: the library imports the app back.
      'lib/index.ts': `export { service } from './service';\n`,
      'lib/service.ts': `import { consumer } from '../app/consumer';\nexport const service = () => consumer;\n`,
      'app/consumer.ts': `import { service } from '@probe/lib';\nexport const consumer = () => service;\n`,
      // Type-only both ways: erased at compile time, no cycle at run time.
      'app/typed-x.ts': `import type { Y } from './typed-y';\nexport interface X { y?: Y }\n`,
      'app/typed-y.ts': `import type { X } from './typed-x';\nexport interface Y { x?: X }\n`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'app', 'lib', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; cycle?: { name: string }[] }[] } };
    cycles = report.summary.violations
      .filter((v) => v.rule.name === 'no-cycle')
      .map((v) => (v.cycle ?? []).map((step) => step.name));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('forbids a cycle between two files', () => {
    expect(cycles).toContainEqual(expect.arrayContaining(['app/b.ts']));
  });

  it('forbids a cycle through a library’s public entry', () => {
    expect(cycles).toContainEqual(expect.arrayContaining(['lib/index.ts', 'lib/service.ts', 'app/consumer.ts']));
  });

  it('lets type-only imports go both ways', () => {
    expect(cycles.flat().filter((name) => name.startsWith('app/typed-'))).toEqual([]);
  });
});
