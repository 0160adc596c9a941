/**
 * Small-cell suppression (secret statistique) for every breakdown the report, the dashboard and the
 * API publish: no figure may single anyone out.
 *
 * A table is a grid of (m + 1) × (n + 1) cells: m rows × n columns of inner cells, the row totals in
 * the last column, the column totals in the last row and the grand total in the corner.
 *
 * 1. Primary suppression: a cell covering 1 to 4 people (fewer than SUPPRESSION_THRESHOLD, and not
 *    0: a zero covers nobody) is suppressed, totals included.
 * 2. Complementary suppression: a suppressed cell must not be recoverable from the published ones.
 *    The equations a reader has are "a row's cells add up to its total" and "a column's cells add up
 *    to its total" (the totals row and column included). Seen as a graph — a node per row and per
 *    column, a cell an edge between its row and its column — a suppressed cell can be solved for,
 *    by one equation or by combining several, exactly when its edge lies on NO cycle of suppressed
 *    edges (a bridge): along a cycle, adding +1, −1, +1… to its cells keeps every equation true, so
 *    the published figures fit more than one value. So, while some suppressed cell is a bridge, the
 *    cheapest path of published cells joining its row and its column is suppressed too, closing a
 *    cycle through it. Cost of a cell: its value (what the reader loses) plus 1, plus a penalty for
 *    totals (kept whenever inner cells can do) and for cells under the threshold (a 0 beside a 1
 *    protects little).
 *
 * Guarantee (tested with exact linear algebra in suppression.spec.ts): no suppressed cell is
 * determined by the published cells and the table's equations, and in particular no row or column
 * has exactly one suppressed cell. Not guaranteed: how wide the range of possible values is (a
 * reader still knows a suppressed cell is between 0 and its row total). Two tables that share cells
 * (a unit's drill-down, whose totals row is that unit's row in its parent's table) are protected
 * together by suppressDrillDown below, and checked together by jointlyDerivableCells.
 */
export const SUPPRESSION_THRESHOLD = 5;

/** `shared`: hidden because the table that shares this cell hides it (a drill-down's totals). */
export type SuppressionReason = 'primary' | 'complementary' | 'shared';

/**
 * Cells fixed by another table that shares them: `forced` cells are hidden whatever their value
 * (that table hides them), `locked` cells are published (that table publishes them: hiding them here
 * would protect nothing), so complementary suppression never chooses them.
 */
export interface SuppressionConstraints {
  forced?: readonly (readonly boolean[])[];
  locked?: readonly (readonly boolean[])[];
}

export interface SuppressionInput {
  /** (m + 1) × (n + 1) values, totals last. Values are what is published (counts, sums…). */
  values: readonly (readonly number[])[];
  /** The number of people each cell covers, same shape; defaults to `values` (a count of people). */
  people?: readonly (readonly number[])[];
}

export interface SuppressionResult {
  reason: (SuppressionReason | null)[][];
  /** The table as published: null where suppressed. */
  published: (number | null)[][];
}

const TOTAL_PENALTY = 1_000;
const GRAND_TOTAL_PENALTY = 1_000_000;
const SMALL_PENALTY = 100;

function checkShape(values: readonly (readonly number[])[], people: readonly (readonly number[])[]): void {
  const width = values[0]?.length ?? 0;
  if (values.length < 2 || width < 2) throw new RangeError('A table has at least one row, one column and its totals.');
  for (const grid of [values, people]) {
    if (grid.length !== values.length || grid.some((r) => r.length !== width)) throw new RangeError('Ragged table.');
    if (grid.some((r) => r.some((x) => !Number.isFinite(x) || x < 0)))
      throw new RangeError('Cells are finite and non-negative.');
  }
}

export function suppressTable(
  input: SuppressionInput,
  threshold = SUPPRESSION_THRESHOLD,
  constraints: SuppressionConstraints = {},
): SuppressionResult {
  const values = input.values;
  const people = input.people ?? values;
  checkShape(values, people);
  const rows = values.length;
  const cols = values[0]!.length;
  const locked = (i: number, j: number): boolean => constraints.locked?.[i]?.[j] === true;
  const reason: (SuppressionReason | null)[][] = people.map((r, i) =>
    r.map((p, j) =>
      p > 0 && p < threshold && !locked(i, j) ? 'primary' : constraints.forced?.[i]?.[j] ? 'shared' : null,
    ),
  );
  const cost = (i: number, j: number): number => {
    const v = values[i]![j]!;
    const lastRow = i === rows - 1;
    const lastCol = j === cols - 1;
    const penalty = lastRow && lastCol ? GRAND_TOTAL_PENALTY : lastRow || lastCol ? TOTAL_PENALTY : 0;
    return 1 + v + penalty + (people[i]![j]! < threshold ? SMALL_PENALTY : 0);
  };
  for (;;) {
    const suppressed = reason.map((r) => r.map((x) => x !== null));
    const bridge = firstBridge(suppressed);
    if (bridge === null) break;
    const path = cheapestPath(suppressed, bridge, cost, locked);
    if (path === null) {
      // No other route (cannot happen with at least two rows and two columns, nor, for a drill-down,
      // with at least one row): withhold everything that is not published elsewhere.
      reason.forEach((r, i) => r.forEach((x, j) => (r[j] = x ?? (locked(i, j) ? null : 'complementary'))));
      break;
    }
    for (const [i, j] of path) if (reason[i]![j] === null) reason[i]![j] = 'complementary';
  }
  return { reason, published: values.map((r, i) => r.map((v, j) => (reason[i]![j] === null ? v : null))) };
}

/** The suppressed cells a reader can solve for: the bridges of the suppressed graph. */
export function derivableCells(suppressed: readonly (readonly boolean[])[]): [number, number][] {
  return bridges(suppressed);
}

// Nodes: rows 0..rows-1, then columns rows..rows+cols-1. A suppressed cell (i, j) is the edge i — rows+j.
function bridges(suppressed: readonly (readonly boolean[])[]): [number, number][] {
  const rows = suppressed.length;
  const cols = suppressed[0]?.length ?? 0;
  const adj: [number, number, number][][] = Array.from({ length: rows + cols }, () => []);
  suppressed.forEach((r, i) =>
    r.forEach((s, j) => {
      if (!s) return;
      adj[i]!.push([rows + j, i, j]);
      adj[rows + j]!.push([i, i, j]);
    }),
  );
  const order = new Array<number>(rows + cols).fill(-1);
  const low = new Array<number>(rows + cols).fill(0);
  const found: [number, number][] = [];
  let clock = 0;
  const visit = (node: number, viaCell: string | null): void => {
    order[node] = low[node] = clock++;
    for (const [next, i, j] of adj[node]!) {
      const cell = `${i},${j}`;
      if (cell === viaCell) continue;
      if (order[next] === -1) {
        visit(next, cell);
        low[node] = Math.min(low[node]!, low[next]!);
        if (low[next]! > order[node]!) found.push([i, j]);
      } else low[node] = Math.min(low[node]!, order[next]!);
    }
  };
  for (let v = 0; v < rows + cols; v++) if (order[v] === -1) visit(v, null);
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function firstBridge(suppressed: readonly (readonly boolean[])[]): [number, number] | null {
  return bridges(suppressed)[0] ?? null;
}

/**
 * Dijkstra from the bridge's row to its column over every cell but the bridge itself; suppressed
 * cells cost nothing. Returns the cells of the path (a new cycle with the bridge once suppressed).
 */
function cheapestPath(
  suppressed: readonly (readonly boolean[])[],
  [bi, bj]: [number, number],
  cost: (i: number, j: number) => number,
  locked: (i: number, j: number) => boolean = () => false,
): [number, number][] | null {
  const rows = suppressed.length;
  const cols = suppressed[0]!.length;
  const n = rows + cols;
  const dist = new Array<number>(n).fill(Infinity);
  const prev = new Array<[number, number, number] | null>(n).fill(null);
  const done = new Array<boolean>(n).fill(false);
  const source = bi;
  const target = rows + bj;
  dist[source] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u === -1 || dist[v]! < dist[u]!)) u = v;
    if (u === -1 || u === target) break;
    done[u] = true;
    const neighbours =
      u < rows
        ? Array.from({ length: cols }, (_, j) => [u, j] as const)
        : Array.from({ length: rows }, (_, i) => [i, u - rows] as const);
    for (const [i, j] of neighbours) {
      if ((i === bi && j === bj) || (!suppressed[i]![j] && locked(i, j))) continue;
      const next = u < rows ? rows + j : i;
      const d = dist[u]! + (suppressed[i]![j] ? 0 : cost(i, j));
      if (d < dist[next]!) {
        dist[next] = d;
        prev[next] = [u, i, j];
      }
    }
  }
  if (dist[target] === Infinity) return null;
  const path: [number, number][] = [];
  for (let v = target; v !== source;) {
    const [from, i, j] = prev[v]!;
    path.push([i, j]);
    v = from;
  }
  return path;
}

/**
 * Builds the grid of a breakdown from its inner cells, adding totals: rows × columns of values
 * (and optionally the people covered by each total, which for distinct people is not the sum).
 */
export function withTotals(inner: readonly (readonly number[])[]): number[][] {
  const n = inner[0]?.length ?? 0;
  const grid = inner.map((r) => [...r, r.reduce((s, x) => s + x, 0)]);
  const totals = Array.from({ length: n + 1 }, (_, j) => grid.reduce((s, r) => s + r[j]!, 0));
  return [...grid, totals];
}

/**
 * A rate or a median computed over a group of people is published only when that group is published:
 * fewer than the threshold of people (or a suppressed count) and the rate is withheld too.
 */
export function publishRate<T>(
  rate: T,
  people: number,
  countSuppressed: boolean,
  threshold = SUPPRESSION_THRESHOLD,
): T | null {
  return countSuppressed || (people > 0 && people < threshold) ? null : rate;
}

/**
 * A drill-down protected together with the table it comes from (docs/recognition.md §6): the child
 * table's totals row is row `parentRow` of the parent table (the same people, the same figures).
 * The parent is suppressed first (top-down, so a table's publication is the same whichever of the
 * two a reader asks for); the child then hides every shared cell the parent hides and publishes every
 * one it publishes, and protects its own cells with the parent's published figures known. Finally the
 * two are checked together (jointlyDerivableCells); should the combination still give a cell away,
 * the child withholds every cell the parent does not publish. `parentRow` null: the child has no row
 * in the parent (a unit without staff), nothing is shared.
 */
export function suppressDrillDown(
  parent: SuppressionResult,
  parentRow: number | null,
  child: SuppressionInput,
  threshold = SUPPRESSION_THRESHOLD,
): SuppressionResult {
  if (parentRow === null) return suppressTable(child, threshold);
  const shared = parent.reason[parentRow];
  const last = child.values.length - 1;
  if (!shared || child.values[last]?.length !== shared.length) {
    throw new RangeError('The drill-down’s totals row is not the shape of the parent’s row.');
  }
  child.values[last]!.forEach((v, j) => {
    const p = parent.published[parentRow]![j];
    if (p !== null && p !== undefined && p !== v) throw new RangeError('The drill-down’s totals differ from its row.');
  });
  const onTotals = (pick: (hidden: boolean) => boolean) =>
    child.values.map((r, i) => r.map((_, j) => i === last && pick(shared[j] !== null)));
  const constraints = { forced: onTotals((h) => h), locked: onTotals((h) => !h) };
  const result = suppressTable(child, threshold, constraints);
  const hidden = (r: SuppressionResult) => r.reason.map((row) => row.map((x) => x !== null));
  const link = (j: number): SharedCell => ({ a: [0, parentRow, j], b: [1, last, j] });
  const links = shared.map((_, j) => link(j));
  if (jointlyDerivableCells([hidden(parent), hidden(result)], links).length === 0) return result;
  const reason = result.reason.map((r, i) =>
    r.map((x, j) => x ?? (constraints.locked[i]![j] ? null : ('complementary' as const))),
  );
  return {
    reason,
    published: child.values.map((r, i) => r.map((v, j) => (reason[i]![j] === null ? v : null))),
  };
}

/** The same figure in two tables: [table, row, column] in each. */
export interface SharedCell {
  a: [number, number, number];
  b: [number, number, number];
}

/**
 * The joint check: the hidden cells a reader can solve for from several published tables together,
 * by exact linear algebra (integers, fraction-free elimination). Unknowns are the hidden cells, a
 * shared figure being one unknown; the equations are every row's and every column's "cells add up to
 * the total" of every table. A cell is determined iff its unit vector is in the row space of the
 * equations: rank([A; e_k]) = rank(A). Returns [table, row, column] of each derivable hidden cell
 * (a shared one once, by its first table). A shared figure hidden in one table and published in the
 * other is derivable by definition.
 */
export function jointlyDerivableCells(
  tables: readonly (readonly (readonly boolean[])[])[],
  shared: readonly SharedCell[],
): [number, number, number][] {
  const key = (t: number, i: number, j: number) => `${t}:${i}:${j}`;
  const alias = new Map<string, string>();
  const found: [number, number, number][] = [];
  for (const { a, b } of shared) {
    const ha = tables[a[0]]?.[a[1]]?.[a[2]];
    const hb = tables[b[0]]?.[b[1]]?.[b[2]];
    if (ha === undefined || hb === undefined) throw new RangeError('A shared cell lies outside its table.');
    if (ha !== hb) found.push(ha ? a : b);
    alias.set(key(...b), key(...a));
  }
  const unknownIndex = new Map<string, number>();
  const unknownCell: [number, number, number][] = [];
  tables.forEach((grid, t) =>
    grid.forEach((r, i) =>
      r.forEach((h, j) => {
        if (!h) return;
        const k = alias.get(key(t, i, j)) ?? key(t, i, j);
        if (!unknownIndex.has(k)) {
          unknownIndex.set(k, unknownCell.length);
          unknownCell.push([t, i, j]);
        }
      }),
    ),
  );
  const n = unknownCell.length;
  const equations: bigint[][] = [];
  tables.forEach((grid, t) => {
    const rows = grid.length;
    const cols = grid[0]?.length ?? 0;
    const line = (cells: [number, number, bigint][]) => {
      const eq = new Array<bigint>(n).fill(0n);
      for (const [i, j, c] of cells) {
        if (!grid[i]![j]) continue;
        const u = unknownIndex.get(alias.get(key(t, i, j)) ?? key(t, i, j))!;
        eq[u] = eq[u]! + c;
      }
      if (eq.some((x) => x !== 0n)) equations.push(eq);
    };
    for (let i = 0; i < rows; i++) line(Array.from({ length: cols }, (_, j) => [i, j, j === cols - 1 ? -1n : 1n]));
    for (let j = 0; j < cols; j++) line(Array.from({ length: rows }, (_, i) => [i, j, i === rows - 1 ? -1n : 1n]));
  });
  const base = integerRank(equations, n);
  unknownCell.forEach((cell, k) => {
    const unit = Array.from({ length: n }, (_, x) => (x === k ? 1n : 0n));
    if (integerRank([...equations, unit], n) === base) found.push(cell);
  });
  const seen = new Set<string>();
  return found
    .filter((c) => !seen.has(key(...c)) && seen.add(key(...c)))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
}

/** Rank by Bareiss's fraction-free elimination: every division is exact, so no rounding. */
function integerRank(matrix: readonly (readonly bigint[])[], width: number): number {
  const m = matrix.map((r) => [...r]);
  let rank = 0;
  let previous = 1n;
  for (let c = 0; c < width && rank < m.length; c++) {
    const p = m.findIndex((r, i) => i >= rank && r[c] !== 0n);
    if (p === -1) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivotRow = m[rank]!;
    for (let i = rank + 1; i < m.length; i++) {
      const r = m[i]!;
      for (let k = c + 1; k < width; k++) r[k] = (r[k]! * pivotRow[c]! - r[c]! * pivotRow[k]!) / previous;
      r[c] = 0n;
    }
    previous = pivotRow[c]!;
    rank += 1;
  }
  return rank;
}
