// The web build's size budgets, as pure functions over Vite's manifest (the chunk graph) and a size
// per file: scripts/web-budget.mjs feeds them the real build, scripts/web-budget.spec.ts made-up ones.
'use strict';

/** Gzipped kilobytes (1 kB = 1000 bytes, as Vite and Lighthouse count). */
const BUDGETS_KB = Object.freeze({
  // What the first page loads: the shell (entry chunk, its static imports and CSS) and the sign-in page.
  entry: 150,
  // What opening a screen adds to the shell.
  route: 60,
  // The rich-text editor, loaded only when someone writes.
  editor: 130,
  // recharts with d3 and redux, loaded only with a screen that draws a chart.
  charts: 110,
});

/** Sources that name a lazy chunk's kind; every other lazy chunk is a route. */
const KINDS = [
  { kind: 'editor', test: /TiptapEditor\.tsx$/ },
  { kind: 'charts', test: /chart-parts\.ts$/ },
];
const SIGN_IN_SOURCE = /features\/auth\/SignInPage\.tsx$/;

/** Every file a chunk loads before it runs: itself, its static imports (transitively) and their CSS. */
function staticClosure(manifest, key) {
  const files = new Set();
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = manifest[k];
    if (!chunk) throw new Error(`the manifest has no chunk ${k}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
}

const sum = (files, sizeOf) => [...files].reduce((total, file) => total + sizeOf(file), 0);

/**
 * Measures every budgeted load: `entry` (shell + sign-in) once, then each lazy chunk with what it
 * adds beyond the entry. `sizeOf(file)` is the file's gzipped size in bytes.
 */
function measure(manifest, sizeOf, budgetsKb = BUDGETS_KB) {
  const keys = Object.keys(manifest);
  const entryKey = keys.find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('the manifest has no entry chunk');
  const signInKey = keys.find((k) => SIGN_IN_SOURCE.test(manifest[k].src ?? k));
  const entryFiles = staticClosure(manifest, entryKey);
  if (signInKey) for (const file of staticClosure(manifest, signInKey)) entryFiles.add(file);

  const loads = [
    { name: 'entry (shell + sign-in)', kind: 'entry', files: [...entryFiles], bytes: sum(entryFiles, sizeOf) },
  ];
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk.isDynamicEntry || key === signInKey) continue;
    const added = [...staticClosure(manifest, key)].filter((f) => !entryFiles.has(f));
    const source = chunk.src ?? key;
    const kind = (KINDS.find((k) => k.test.test(source)) ?? { kind: 'route' }).kind;
    loads.push({ name: source, kind, files: added, bytes: sum(added, sizeOf) });
  }
  return loads.map((load) => {
    const budgetKb = budgetsKb[load.kind];
    return { ...load, budgetKb, overBudget: load.bytes > budgetKb * 1000 };
  });
}

/** One line per load, largest first, and the verdict. */
function report(loads) {
  const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(6);
  const lines = [...loads]
    .sort((a, b) => b.bytes - a.bytes)
    .map(
      (l) =>
        `${l.overBudget ? 'OVER' : '  ok'} ${kb(l.bytes)} / ${String(l.budgetKb).padStart(3)} kB gz  ${l.kind.padEnd(6)} ${l.name}`,
    );
  const over = loads.filter((l) => l.overBudget);
  lines.push(
    over.length === 0
      ? `web budget: all ${loads.length} loads within budget`
      : `web budget: ${over.length} over budget: ${over.map((l) => l.name).join(', ')}`,
  );
  return lines.join('\n');
}

module.exports = { BUDGETS_KB, measure, report, staticClosure };
