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
 * reader still knows a suppressed cell is between 0 and its row total), nor anything about two
 * tables that share cells (a unit's drill-down and its parent's table): each is protected alone.
 */
export const SUPPRESSION_THRESHOLD = 5;

export type SuppressionReason = 'primary' | 'complementary';

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

export function suppressTable(input: SuppressionInput, threshold = SUPPRESSION_THRESHOLD): SuppressionResult {
  const values = input.values;
  const people = input.people ?? values;
  checkShape(values, people);
  const rows = values.length;
  const cols = values[0]!.length;
  const reason: (SuppressionReason | null)[][] = people.map((r) =>
    r.map((p) => (p > 0 && p < threshold ? 'primary' : null)),
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
    const path = cheapestPath(suppressed, bridge, cost);
    if (path === null) {
      // No other route (cannot happen with at least two rows and two columns): withhold everything.
      for (const r of reason) r.forEach((x, j) => (r[j] = x ?? 'complementary'));
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
      if (i === bi && j === bj) continue;
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
