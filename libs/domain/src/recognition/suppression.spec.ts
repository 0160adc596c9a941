import {
  derivableCells,
  jointlyDerivableCells,
  publishRate,
  suppressDrillDown,
  suppressTable,
  withTotals,
  type SuppressionResult,
} from './suppression';

/** A small deterministic generator (Park–Miller) so a failing case can be replayed from its seed. */
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

/**
 * Independent of the graph argument: the cells a reader can solve for, by exact linear algebra.
 * Unknowns are the suppressed cells; the equations are every row's and every column's "cells add up
 * to the total" (totals row and column included). A cell is determined iff its unit vector lies in
 * the row space of the equations restricted to the unknowns: rank([A; e_k]) = rank(A).
 */
function determinedByAlgebra(suppressed: boolean[][]): [number, number][] {
  const rows = suppressed.length;
  const cols = suppressed[0]!.length;
  const unknowns: [number, number][] = [];
  suppressed.forEach((r, i) => r.forEach((s, j) => s && unknowns.push([i, j])));
  const coef = (eq: { row?: number; col?: number }, [i, j]: [number, number]): number => {
    if (eq.row !== undefined) return i !== eq.row ? 0 : j === cols - 1 ? -1 : 1;
    return j !== eq.col ? 0 : i === rows - 1 ? -1 : 1;
  };
  const equations = [
    ...Array.from({ length: rows }, (_, row) => ({ row })),
    ...Array.from({ length: cols }, (_, col) => ({ col })),
  ];
  const a = equations.map((eq) => unknowns.map((u) => coef(eq, u)));
  const base = rank(a);
  return unknowns.filter((_, k) => rank([...a, unknowns.map((__, x) => (x === k ? 1 : 0))]) === base);
}

function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) for (let k = c; k < width; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r += 1;
  }
  return r;
}

/** Lines (rows and columns, totals included) with exactly one suppressed cell: solvable by one subtraction. */
function singleLineLeaks(suppressed: boolean[][]): string[] {
  const leaks: string[] = [];
  suppressed.forEach((r, i) => r.filter(Boolean).length === 1 && leaks.push(`row ${i}`));
  suppressed[0]!.forEach((_, j) => suppressed.filter((r) => r[j]).length === 1 && leaks.push(`column ${j}`));
  return leaks;
}

const suppressedOf = (result: ReturnType<typeof suppressTable>) => result.reason.map((r) => r.map((x) => x !== null));

describe('small-cell suppression', () => {
  it('publishes a table with no small cell untouched, zeros included', () => {
    const values = withTotals([
      [10, 0, 7],
      [12, 8, 0],
    ]);
    const result = suppressTable({ values });
    expect(result.published).toEqual(values);
  });

  it('suppresses a small cell and a complement in its row and its column, keeping the totals', () => {
    const values = withTotals([
      [3, 20, 30],
      [40, 50, 60],
      [70, 80, 90],
    ]);
    const { published, reason } = suppressTable({ values });
    expect(reason[0]![0]).toBe('primary');
    // The cheapest cycle through (0,0): its row's and column's smallest neighbours and their crossing.
    expect(published).toEqual([
      [null, null, 30, 53],
      [null, null, 60, 150],
      [70, 80, 90, 240],
      [113, 150, 180, 443],
    ]);
  });

  it('suppresses a small total and protects it like any cell', () => {
    const values = withTotals([
      [1, 2, 0],
      [30, 40, 50],
      [60, 70, 80],
    ]);
    const result = suppressTable({ values });
    const s = suppressedOf(result);
    expect(s[0]![3]).toBe(true); // the row total 3
    expect(s[0]![0] && s[0]![1]).toBe(true);
    expect(s[0]![2]).toBe(false); // a zero covers nobody
    expect(singleLineLeaks(s)).toEqual([]);
    expect(determinedByAlgebra(s)).toEqual([]);
    expect(s[3]![3]).toBe(false); // the grand total stays published
  });

  it('protects a one-row table through the column totals', () => {
    const values = withTotals([[3, 9, 12]]);
    const s = suppressedOf(suppressTable({ values }));
    expect(singleLineLeaks(s)).toEqual([]);
    expect(determinedByAlgebra(s)).toEqual([]);
  });

  it('suppresses by the people covered, not the value, when they differ', () => {
    // Recognitions (value) given to few people (coverage): 12 recognitions to 2 people is small.
    const values = withTotals([
      [12, 30],
      [40, 50],
    ]);
    const people = [
      [2, 10, 12],
      [9, 12, 20],
      [11, 20, 30],
    ];
    const result = suppressTable({ values, people });
    expect(result.reason[0]![0]).toBe('primary');
    expect(determinedByAlgebra(suppressedOf(result))).toEqual([]);
  });

  it('finds derivable cells that line counting misses: two cycles joined by one cell', () => {
    // Rows 0–1 × columns 0–1 form a cycle, rows 2–3 × columns 2–3 another, and (1,2) joins them:
    // every row and column has two suppressed cells, yet (1,2) is solvable.
    const s = Array.from({ length: 5 }, () => new Array<boolean>(5).fill(false));
    for (const [i, j] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [1, 2],
    ] as const)
      s[i]![j] = true;
    expect(singleLineLeaks(s)).toEqual([]);
    expect(derivableCells(s)).toEqual([[1, 2]]);
    expect(determinedByAlgebra(s)).toEqual([[1, 2]]);
  });

  it('agrees with exact linear algebra on which cells are derivable, for random patterns', () => {
    const rand = generator(11);
    for (let run = 0; run < 300; run++) {
      const rows = 2 + rand(5);
      const cols = 2 + rand(5);
      const density = 1 + rand(4);
      const s = Array.from({ length: rows }, () => Array.from({ length: cols }, () => rand(8) < density));
      expect({ run, cells: derivableCells(s) }).toEqual({ run, cells: determinedByAlgebra(s) });
    }
  });

  it('never leaves a small cell published nor a suppressed cell solvable (random tables)', () => {
    const rand = generator(2027);
    for (let run = 0; run < 250; run++) {
      const rows = 1 + rand(6);
      const cols = 1 + rand(5);
      // Mostly small counts so tables are crowded with cells to protect.
      const inner = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (rand(3) === 0 ? rand(40) : rand(7))),
      );
      const values = withTotals(inner);
      const result = suppressTable({ values });
      const s = suppressedOf(result);
      values.forEach((r, i) =>
        r.forEach((v, j) => {
          if (v > 0 && v < 5) expect({ run, i, j, suppressed: s[i]![j] }).toEqual({ run, i, j, suppressed: true });
          if (!s[i]![j]) expect(result.published[i]![j]).toBe(v);
          else expect(result.published[i]![j]).toBeNull();
        }),
      );
      expect({ run, leaks: singleLineLeaks(s) }).toEqual({ run, leaks: [] });
      expect({ run, determined: determinedByAlgebra(s) }).toEqual({ run, determined: [] });
    }
  });

  it('is deterministic', () => {
    const values = withTotals([
      [1, 6, 6],
      [6, 1, 6],
      [6, 6, 1],
    ]);
    expect(suppressTable({ values })).toEqual(suppressTable({ values }));
  });

  it('refuses a table without totals, ragged rows or negative cells', () => {
    expect(() => suppressTable({ values: [[1]] })).toThrow(RangeError);
    expect(() => suppressTable({ values: [[1, 2], [3]] })).toThrow(RangeError);
    expect(() =>
      suppressTable({
        values: [
          [-1, 2],
          [3, 4],
        ],
      }),
    ).toThrow(RangeError);
  });

  it('withholds a rate over fewer than five people or over a suppressed count', () => {
    expect(publishRate(12.5, 4, false)).toBeNull();
    expect(publishRate(12.5, 40, true)).toBeNull();
    expect(publishRate(12.5, 40, false)).toBe(12.5);
    expect(publishRate(null, 0, false)).toBeNull();
  });
});

/** [contributors, other staff, headcount] per unit, as the participation table is built. */
const participation = (rows: [number, number][]) => withTotals(rows.map(([c, o]) => [c, o]));
const hiddenOf = (r: SuppressionResult) => r.reason.map((row) => row.map((x) => x !== null));
const linksOf = (parentRow: number, child: SuppressionResult) =>
  child.reason[child.reason.length - 1]!.map((_, j) => ({
    a: [0, parentRow, j] as [number, number, number],
    b: [1, child.reason.length - 1, j] as [number, number, number],
  }));

describe('joint suppression of a table and its drill-down', () => {
  it('agrees with the one-table graph argument on a single table', () => {
    const rand = generator(5);
    for (let run = 0; run < 200; run++) {
      const rows = 2 + rand(4);
      const cols = 2 + rand(4);
      const s = Array.from({ length: rows }, () => Array.from({ length: cols }, () => rand(3) === 0));
      const joint = jointlyDerivableCells([s], []).map(([, i, j]) => [i, j]);
      expect({ run, joint }).toEqual({ run, joint: derivableCells(s) });
    }
  });

  it('shows the leak it closes: a drill-down suppressed alone gives away the parent’s hidden cell', () => {
    // The parent hides unit 0's 3 contributors and, to protect them, unit 1's 6 contributors (and
    // both units' other staff); unit 1's own drill-down (sub-units of 6 + 30 and 0 + 30) has no small
    // cell, so suppressed alone it publishes its totals: the parent's hidden 6, hence unit 0's 3.
    const parent = suppressTable({
      values: participation([
        [3, 40],
        [6, 60],
        [50, 50],
      ]),
    });
    expect(parent.published.slice(0, 2)).toEqual([
      [null, null, 43],
      [null, null, 66],
    ]);
    const childValues = participation([
      [6, 30],
      [0, 30],
    ]);
    const alone = suppressTable({ values: childValues });
    expect(alone.published[2]).toEqual([6, 60, 66]);
    expect(jointlyDerivableCells([hiddenOf(parent), hiddenOf(alone)], linksOf(1, alone))).not.toEqual([]);

    const joint = suppressDrillDown(parent, 1, { values: childValues });
    expect(joint.published[2]).toEqual([null, null, 66]); // hidden where the parent hides, shown where it shows
    expect(joint.reason[2]![0]).toBe('shared');
    expect(jointlyDerivableCells([hiddenOf(parent), hiddenOf(joint)], linksOf(1, joint))).toEqual([]);
  });

  it('never hides in the drill-down a shared figure the parent publishes, nor shows one it hides', () => {
    const parent = suppressTable({
      values: participation([
        [30, 40],
        [60, 60],
        [2, 50],
      ]),
    });
    const child = suppressDrillDown(parent, 0, {
      values: participation([
        [1, 20],
        [29, 20],
      ]),
    });
    expect(child.published[2]).toEqual(parent.published[0]);
    expect(child.published[0]![0]).toBeNull(); // its own small cell is still protected
    expect(jointlyDerivableCells([hiddenOf(parent), hiddenOf(child)], linksOf(0, child))).toEqual([]);
  });

  it('refuses a drill-down whose totals are not the parent’s row', () => {
    const parent = suppressTable({
      values: participation([
        [30, 40],
        [60, 60],
      ]),
    });
    expect(() =>
      suppressDrillDown(parent, 0, {
        values: participation([
          [10, 20],
          [10, 20],
        ]),
      }),
    ).toThrow(RangeError);
    expect(() => suppressDrillDown(parent, 0, { values: withTotals([[30, 20, 20]]) })).toThrow(RangeError);
  });

  it('a drill-down without a row in the parent is protected alone', () => {
    const parent = suppressTable({
      values: participation([
        [30, 40],
        [60, 60],
      ]),
    });
    const values = participation([[0, 0]]);
    expect(suppressDrillDown(parent, null, { values })).toEqual(suppressTable({ values }));
  });

  it('leaves no hidden cell derivable from a parent and every drill-down together (random trees)', () => {
    const rand = generator(424242);
    for (let run = 0; run < 120; run++) {
      // A parent of 2–5 units, each unit split into 1–4 sub-units of small, crowded counts.
      const units = Array.from({ length: 2 + rand(4) }, () =>
        Array.from({ length: 1 + rand(4) }, (): [number, number] => [rand(3) === 0 ? rand(30) : rand(7), rand(12)]),
      );
      const parentRows = units.map((subs): [number, number] =>
        subs.reduce<[number, number]>((t, [c, o]) => [t[0] + c, t[1] + o], [0, 0]),
      );
      const parent = suppressTable({ values: participation(parentRows) });
      const children = units.map((subs, u) => suppressDrillDown(parent, u, { values: participation(subs) }));
      const tables = [hiddenOf(parent), ...children.map(hiddenOf)];
      const links = children.flatMap((child, u) =>
        linksOf(u, child).map(({ a, b }) => ({ a, b: [u + 1, b[1], b[2]] as [number, number, number] })),
      );
      expect({ run, derivable: jointlyDerivableCells(tables, links) }).toEqual({ run, derivable: [] });
      children.forEach((child, u) => {
        expect(child.published[child.published.length - 1]).toEqual(parent.published[u]);
        const values = participation(units[u]!);
        values.forEach((r, i) =>
          r.forEach((v, j) => {
            if (v > 0 && v < 5) expect({ run, u, i, j, shown: child.published[i]![j] }).toMatchObject({ shown: null });
          }),
        );
      });
    }
  });
});
