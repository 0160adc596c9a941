import {
  funnelFromCounts,
  guaranteeShare,
  ideasPer100Staff,
  participationRate,
  publishRate,
  RECOGNITION_FORMS,
  summariseDurations,
  suppressDrillDown,
  suppressTable,
  withTotals,
  yearOverYear,
  type DurationSummary,
  type FigureKind,
  type SuppressionResult,
  type YearOnYearFigure,
} from '@eclore/domain';
import type { OrgUnitRefDto } from '@eclore/server-platform';
import type { AnnualFiguresDto, PeopleRecognisedDto, UnitParticipationDto, YearOnYearDto } from './report.dto';
import type { CohortRow, RecognisedBucketRow, StaffBucketRow } from './report.repository';

/**
 * From the repository's counts to the published figures: every formula is the domain's, and every
 * breakdown goes through suppressTable before it leaves (docs/recognition.md §5, §6). Pure, so the
 * report job, the API and the tests present the same numbers.
 */

export interface Participation {
  headcount: number | null;
  contributors: number | null;
  participationRate: number | null;
  byUnit: UnitParticipationDto[];
  /** The table as suppressed, for the drill-downs of its rows (suppressParticipationChain). */
  table: SuppressionResult | null;
}

/** The scope's row in the table of the scope above it: that table as suppressed, and the row. */
export interface ParentRow {
  table: SuppressionResult | null;
  row: number | null;
}

/** [contributors, other staff] per bucket with totals: the participation table before suppression. */
export function participationGrid(rows: readonly StaffBucketRow[]): number[][] {
  return withTotals(rows.map((r) => [r.contributors, r.headcount - r.contributors]));
}

/**
 * A breakdown's tables from the whole organisation down to a scope, each a drill-down of the one
 * above (docs/recognition.md §6, joint suppression): a table's suppression depends only on the
 * tables above it, so a unit's figures are the same whether read as a row of its parent or as the
 * totals of its own table. `levels`: each level's rows by bucket, the organisation first; `childIds`:
 * the unit of each level after the first; `grid`: a level's rows as a table with totals. Returns the
 * row of the last child in the table of its parent.
 */
export function suppressChain<R extends { bucketId: string | null }>(
  levels: readonly (readonly R[])[],
  childIds: readonly string[],
  grid: (rows: readonly R[]) => number[][],
): ParentRow {
  let parent: ParentRow = { table: null, row: null };
  levels.forEach((rows, k) => {
    const table = bucketsOf(rows).length === 0 ? null : suppressLevel(grid(rows), parent);
    if (k < childIds.length) {
      const i = bucketsOf(rows).indexOf(childIds[k]!);
      parent = { table, row: table === null || i === -1 ? null : i };
    }
  });
  return parent;
}

/** The participation tables down to a scope (suppressChain over participationGrid). */
export function suppressParticipationChain(
  levels: readonly (readonly StaffBucketRow[])[],
  childIds: readonly string[],
): ParentRow {
  return suppressChain(levels, childIds, participationGrid);
}

/** The distinct buckets of a level's rows, in their order (one table row each). */
function bucketsOf(rows: readonly { bucketId: string | null }[]): (string | null)[] {
  return [...new Set(rows.map((r) => r.bucketId))];
}

function suppressLevel(values: number[][], parent: ParentRow): SuppressionResult {
  return parent.table === null ? suppressTable({ values }) : suppressDrillDown(parent.table, parent.row, { values });
}

function suppressParticipation(rows: readonly StaffBucketRow[], parent: ParentRow): SuppressionResult {
  return suppressLevel(participationGrid(rows), parent);
}

/**
 * Participation per unit below the scope as a table of [contributors, other staff] with the row
 * total the unit's headcount: a unit with 1–4 contributors is withheld, and enough other cells with
 * it that no total gives it away. `parent`: the scope's row in the table above (its totals are that
 * row: hidden there, hidden here).
 */
export function presentParticipation(
  rows: readonly StaffBucketRow[],
  unitRef: (id: string | null) => OrgUnitRefDto | null,
  parent: ParentRow = { table: null, row: null },
): Participation {
  if (rows.length === 0) return { headcount: 0, contributors: 0, participationRate: null, byUnit: [], table: null };
  const grid = participationGrid(rows);
  const table = suppressParticipation(rows, parent);
  const { published } = table;
  const rate = (i: number): number | null => {
    const [c, , h] = published[i]!;
    const raw = grid[i]!;
    return publishRate(participationRate(raw[0]!, raw[2]!), raw[0]!, c === null || h === null);
  };
  const total = rows.length;
  return {
    headcount: published[total]![2]!,
    contributors: published[total]![0]!,
    participationRate: rate(total),
    byUnit: rows.map((r, i) => ({
      unit: unitRef(r.bucketId),
      headcount: published[i]![2]!,
      contributors: published[i]![0]!,
      participationRate: rate(i),
    })),
    table,
  };
}

/**
 * The table of people recognised per bucket (rows) and form (columns), row totals the sum over the
 * forms: its last row is the scope's people per form and their sum.
 */
export function recognisedGrid(rows: readonly RecognisedBucketRow[]): number[][] {
  const buckets = bucketsOf(rows);
  return withTotals(
    buckets.map((b) =>
      RECOGNITION_FORMS.map((form) => rows.find((r) => r.bucketId === b && r.form === form)?.people ?? 0),
    ),
  );
}

/**
 * People recognised per form, the total the sum over the forms: the last row of the scope's table
 * of units × forms, suppressed as a drill-down of its parent's (`parent`), since the units' own
 * figures, read one by one, are that table's rows.
 */
export function presentRecognised(
  rows: readonly RecognisedBucketRow[],
  parent: ParentRow = { table: null, row: null },
): PeopleRecognisedDto {
  if (bucketsOf(rows).length === 0) return { byForm: RECOGNITION_FORMS.map((form) => ({ form, people: 0 })), total: 0 };
  const { published } = suppressLevel(recognisedGrid(rows), parent);
  const totals = published[published.length - 1]!;
  return {
    byForm: RECOGNITION_FORMS.map((form, i) => ({ form, people: totals[i]! })),
    total: totals[RECOGNITION_FORMS.length]!,
  };
}

/** A median over fewer than 5 ideas could point at one idea's authors: withheld like a rate. */
function publishDurations(summary: DurationSummary): DurationSummary {
  const hidden = publishRate(summary, summary.count, false) === null;
  return hidden ? { ...summary, medianDays: null, p90Days: null } : summary;
}

export function presentCohort(c: CohortRow, guaranteeDays: number, headcount: number | null) {
  const share = guaranteeShare(c.guaranteeJudged, c.guaranteeWithin);
  return {
    ideasSubmitted: c.submitted,
    ideasPer100Staff: headcount === null ? null : ideasPer100Staff(c.submitted, headcount),
    funnel: funnelFromCounts(c.atFurthest),
    timeToFirstAnswer: publishDurations(summariseDurations(c.answeredCount, c.answerMedianMs, c.answerP90Ms)),
    timeToDecision: publishDurations(summariseDurations(c.decidedCount, c.decisionMedianMs, c.decisionP90Ms)),
    answeredWithinGuarantee: {
      guaranteeDays,
      ...share,
      percent: publishRate(share.percent, share.judged, false),
    },
  };
}

/** The figures compared with last year, and whether each is a count or a rate (points). */
const YOY: Record<YearOnYearFigure, FigureKind> = {
  headcount: 'count',
  contributors: 'count',
  participation_rate: 'rate',
  ideas_submitted: 'count',
  ideas_per_100_staff: 'rate',
  implemented_ideas: 'count',
  replications: 'count',
  people_recognised: 'count',
};

export type YearFigures = Record<YearOnYearFigure, number | null>;

export function yearFiguresOf(f: AnnualFiguresDto): YearFigures {
  return {
    headcount: f.headcount,
    contributors: f.contributors,
    participation_rate: f.participationRate,
    ideas_submitted: f.ideasSubmitted,
    ideas_per_100_staff: f.ideasPer100Staff,
    implemented_ideas: f.implementedIdeas,
    replications: f.replications,
    people_recognised: f.peopleRecognised.total,
  };
}

export function presentYearOnYear(current: YearFigures, previous: YearFigures): YearOnYearDto[] {
  return (Object.keys(YOY) as YearOnYearFigure[]).map((figure) => ({
    figure,
    ...yearOverYear(current[figure], previous[figure], YOY[figure]),
  }));
}
