import { BUDGETS_KB, measure, report, staticClosure, type Manifest } from './web-budget-lib.cjs';

// A small build as Vite's manifest describes it: the entry shares a chunk with a route, the sign-in
// page is lazy, the editor and the charts are lazy chunks of their own.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_react.js'],
    css: ['assets/index.css'],
    dynamicImports: ['src/features/auth/SignInPage.tsx', 'src/features/wall/WallPage.tsx'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_client.js': { file: 'assets/client.js', imports: ['_react.js'] },
  'src/features/auth/SignInPage.tsx': {
    file: 'assets/SignInPage.js',
    src: 'src/features/auth/SignInPage.tsx',
    isDynamicEntry: true,
    imports: ['_client.js'],
  },
  'src/features/wall/WallPage.tsx': {
    file: 'assets/WallPage.js',
    src: 'src/features/wall/WallPage.tsx',
    isDynamicEntry: true,
    imports: ['_client.js', '_cards.js'],
    css: ['assets/WallPage.css'],
  },
  '_cards.js': { file: 'assets/cards.js' },
  'src/features/editor/TiptapEditor.tsx': {
    file: 'assets/TiptapEditor.js',
    src: 'src/features/editor/TiptapEditor.tsx',
    isDynamicEntry: true,
    imports: ['_react.js'],
  },
  '../../libs/web/ui/src/chart-parts.ts': {
    file: 'assets/chart-parts.js',
    src: '../../libs/web/ui/src/chart-parts.ts',
    isDynamicEntry: true,
  },
};

const kB = (n: number) => n * 1000;
const sizes: Record<string, number> = {
  'assets/index.js': kB(80),
  'assets/index.css': kB(3),
  'assets/react.js': kB(60),
  'assets/client.js': kB(5),
  'assets/SignInPage.js': kB(1),
  'assets/WallPage.js': kB(4),
  'assets/WallPage.css': kB(1),
  'assets/cards.js': kB(2),
  'assets/TiptapEditor.js': kB(120),
  'assets/chart-parts.js': kB(100),
};
const sizeOf = (file: string): number => {
  const size = sizes[file];
  if (size === undefined) throw new Error(`no size for ${file}`);
  return size;
};

describe('web budget', () => {
  it('follows static imports (and their CSS) transitively, each file once', () => {
    expect([...staticClosure(manifest, 'src/features/wall/WallPage.tsx')].sort()).toEqual(
      ['assets/WallPage.css', 'assets/WallPage.js', 'assets/cards.js', 'assets/client.js', 'assets/react.js'].sort(),
    );
  });

  it('counts the shell and the sign-in page as the entry, and a route by what it adds to them', () => {
    const loads = measure(manifest, sizeOf);
    const entry = loads.find((l) => l.kind === 'entry');
    // index + css + react + client (via the sign-in page) + the sign-in page itself
    expect(entry?.bytes).toBe(kB(80 + 3 + 60 + 5 + 1));
    const wall = loads.find((l) => l.name === 'src/features/wall/WallPage.tsx');
    expect(wall).toMatchObject({ kind: 'route', bytes: kB(4 + 1 + 2), budgetKb: BUDGETS_KB.route, overBudget: false });
    expect(loads.find((l) => l.name.endsWith('TiptapEditor.tsx'))).toMatchObject({
      kind: 'editor',
      bytes: kB(120),
      overBudget: false,
    });
    expect(loads.find((l) => l.name.endsWith('chart-parts.ts'))).toMatchObject({
      kind: 'charts',
      bytes: kB(100),
      overBudget: false,
    });
    // The sign-in page is part of the entry, not a route of its own.
    expect(loads.filter((l) => l.name.includes('SignInPage'))).toEqual([]);
  });

  it('flags a load over its budget, and only that one', () => {
    const loads = measure(manifest, sizeOf, { entry: 148, route: 60, editor: 130, charts: 110 });
    expect(loads.filter((l) => l.overBudget).map((l) => l.kind)).toEqual(['entry']);
    expect(report(loads)).toMatch(/^OVER {2}149\.0 \/ 148 kB gz {2}entry/m);
    expect(report(loads)).toMatch(/web budget: 1 over budget: entry \(shell \+ sign-in\)$/);
  });

  it('counts a budget exactly at its limit as within it', () => {
    const loads = measure(manifest, sizeOf, { entry: 149, route: 7, editor: 120, charts: 100 });
    expect(loads.every((l) => !l.overBudget)).toBe(true);
    expect(report(loads)).toMatch(/all 4 loads within budget$/);
  });

  it('refuses a manifest without an entry', () => {
    expect(() => measure({ 'a.ts': { file: 'assets/a.js', isDynamicEntry: true } }, sizeOf)).toThrow(/no entry chunk/);
  });
});
