import type { FieldProblem } from '../errors/domain-error';
import type { Locale } from '../locale';
import { checkPastDate, checkText } from './text';

/**
 * Indicateurs d'impact (impact indicators): projected vs actual, and their roll-ups.
 *
 * Each figure is a yearly figure in the indicator's unit (e.g. staff hours saved per year).
 * Ownership (the lineage rule): an indicator belongs to exactly one implementation project; a
 * replication (essaimage) is a project of its own whose indicators are its own. The roll-up of a
 * project "with its replications" is the sum over the DISTINCT projects of its lineage tree, so no
 * indicator is ever counted twice.
 */
export const IMPACT_CATEGORIES = [
  'money_saved',
  'staff_hours_saved',
  'public_hours_saved',
  'service_quality',
  'safety',
  'environment_carbon',
  'satisfaction',
  'other',
] as const;
export type ImpactCategory = (typeof IMPACT_CATEGORIES)[number];

/** The categories' names: one table for the impact screens, the HR dashboard and the annual report. */
export const IMPACT_CATEGORY_LABELS: Readonly<Record<ImpactCategory, Readonly<Record<Locale, string>>>> = {
  money_saved: { fr: 'Économies', en: 'Money saved' },
  staff_hours_saved: { fr: 'Heures agents économisées', en: 'Staff hours saved' },
  public_hours_saved: { fr: 'Heures gagnées par les usagers', en: 'Hours saved for the public' },
  service_quality: { fr: 'Qualité de service', en: 'Service quality' },
  safety: { fr: 'Sécurité', en: 'Safety' },
  environment_carbon: { fr: 'Environnement / carbone', en: 'Environment / carbon' },
  satisfaction: { fr: 'Satisfaction', en: 'Satisfaction' },
  other: { fr: 'Autre', en: 'Other' },
};

/** Weakest first: a roll-up is only as sure as its weakest figure. */
export const MEASUREMENT_CONFIDENCES = ['estimated', 'measured', 'audited'] as const;
export type MeasurementConfidence = (typeof MEASUREMENT_CONFIDENCES)[number];

/**
 * Bounds per category. Savings (money, hours, carbon avoided) are never negative: a saving below
 * zero is a cost, recorded elsewhere. Quality, safety, satisfaction and other are changes or scores
 * that may fall. The maxima reject absurd magnitudes (10¹⁸ hours) while leaving room for a whole
 * organisation's yearly figures.
 */
export const IMPACT_BOUNDS: Readonly<Record<ImpactCategory, { min: number; max: number }>> = {
  money_saved: { min: 0, max: 1e11 },
  staff_hours_saved: { min: 0, max: 1e8 },
  public_hours_saved: { min: 0, max: 1e9 },
  environment_carbon: { min: 0, max: 1e7 },
  service_quality: { min: -1e6, max: 1e6 },
  safety: { min: -1e6, max: 1e6 },
  satisfaction: { min: -1e6, max: 1e6 },
  other: { min: -1e9, max: 1e9 },
};

export function validateImpactValue(field: string, category: ImpactCategory, value: number): FieldProblem[] {
  const { min, max } = IMPACT_BOUNDS[category];
  if (!Number.isFinite(value) || value < min || value > max) {
    return [
      { field, code: 'out_of_range', message: `${field} must be a number from ${min} to ${max} for ${category}.` },
    ];
  }
  return [];
}

export interface MeasurementInput {
  value: number;
  measuredOn: Date;
  source: string;
  confidence: MeasurementConfidence;
}

/** A measurement: within bounds, dated neither in the future nor before go-live, with a source. */
export function validateMeasurement(
  category: ImpactCategory,
  m: MeasurementInput,
  goLiveOn: Date | null,
  now: Date,
): FieldProblem[] {
  const problems = validateImpactValue('value', category, m.value);
  const goLive =
    goLiveOn === null
      ? null
      : { at: goLiveOn, code: 'before_go_live', message: 'The measurement is dated before go-live.' };
  checkPastDate('measuredOn', m.measuredOn, now, goLive, problems);
  checkText('source', m.source, 500, problems);
  if (!MEASUREMENT_CONFIDENCES.includes(m.confidence)) {
    problems.push({
      field: 'confidence',
      code: 'invalid_choice',
      message: 'confidence is estimated, measured or audited.',
    });
  }
  return problems;
}

export interface Measurement extends MeasurementInput {
  /** The network member in scope who validated it; only validated measurements count as actual. */
  validatedBy: string | null;
}

export interface ImpactIndicator {
  id: string;
  /** The one project it belongs to. */
  projectId: string;
  category: ImpactCategory;
  unit: string;
  projectedValue: number;
  projectedOn: Date;
  measurements: readonly Measurement[];
}

export interface ProjectRef {
  id: string;
  ideaId: string;
  unitId: string;
  campaignId: string | null;
  /** The project this one replicates; null for an original. */
  replicatedFromId: string | null;
}

/**
 * The actual value of an indicator: its latest validated measurement (by date; on the same day the
 * more confident one), optionally within a year. Null when none.
 */
export function actualMeasurement(indicator: ImpactIndicator, year?: number): Measurement | null {
  let best: Measurement | null = null;
  for (const m of indicator.measurements) {
    if (m.validatedBy === null) continue;
    if (year !== undefined && m.measuredOn.getUTCFullYear() !== year) continue;
    if (best === null || later(m, best)) best = m;
  }
  return best;
}

function later(a: Measurement, b: Measurement): boolean {
  const dt = a.measuredOn.getTime() - b.measuredOn.getTime();
  if (dt !== 0) return dt > 0;
  return MEASUREMENT_CONFIDENCES.indexOf(a.confidence) > MEASUREMENT_CONFIDENCES.indexOf(b.confidence);
}

/**
 * The distinct projects of the lineage tree under `rootId` (itself included): replications of
 * replications too. A visited set makes it safe against a cycle in bad data.
 */
export function lineage(projects: readonly ProjectRef[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const p of projects) {
    if (p.replicatedFromId === null) continue;
    const list = children.get(p.replicatedFromId) ?? [];
    list.push(p.id);
    children.set(p.replicatedFromId, list);
  }
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}

/** One line of a roll-up: figures of different units are never added together. */
export interface ImpactTotal {
  category: ImpactCategory;
  unit: string;
  projected: number;
  actual: number;
  indicatorCount: number;
  /** Indicators with a validated measurement (the others add 0 to `actual`). */
  measuredCount: number;
  /** The weakest confidence among the counted measurements; null when none. */
  weakestConfidence: MeasurementConfidence | null;
}

/**
 * Sums projected and actual per (category, unit) over the given indicators, each indicator once.
 * `year`: projected counts when its projectedOn falls in that year, actual takes the latest
 * validated measurement of that year.
 */
export function sumIndicators(indicators: readonly ImpactIndicator[], year?: number): ImpactTotal[] {
  const totals = new Map<string, ImpactTotal>();
  const unique = new Map(indicators.map((i) => [i.id, i]));
  for (const i of unique.values()) {
    const key = `${i.category}\u0000${i.unit}`;
    const t = totals.get(key) ?? {
      category: i.category,
      unit: i.unit,
      projected: 0,
      actual: 0,
      indicatorCount: 0,
      measuredCount: 0,
      weakestConfidence: null,
    };
    t.indicatorCount += 1;
    if (year === undefined || i.projectedOn.getUTCFullYear() === year) t.projected += i.projectedValue;
    const actual = actualMeasurement(i, year);
    if (actual !== null) {
      t.actual += actual.value;
      t.measuredCount += 1;
      t.weakestConfidence = weaker(t.weakestConfidence, actual.confidence);
    }
    totals.set(key, t);
  }
  return [...totals.values()].sort(
    (a, b) =>
      IMPACT_CATEGORIES.indexOf(a.category) - IMPACT_CATEGORIES.indexOf(b.category) || a.unit.localeCompare(b.unit),
  );
}

function weaker(a: MeasurementConfidence | null, b: MeasurementConfidence): MeasurementConfidence {
  if (a === null) return b;
  return MEASUREMENT_CONFIDENCES.indexOf(a) <= MEASUREMENT_CONFIDENCES.indexOf(b) ? a : b;
}

export type ImpactGrouping = 'idea' | 'unit' | 'campaign';

/**
 * Roll-up per idea, unit or campaign: each indicator counts for ITS project's idea, unit and
 * campaign (a replication counts for the unit that adopted it). Per unit this is the unit's own
 * projects only; the roll-up page follows the unit tree (rollUpByUnitTree). Indicators of unknown projects are
 * left out. The key of a project without a campaign is null.
 */
export function rollUpBy(
  grouping: ImpactGrouping,
  indicators: readonly ImpactIndicator[],
  projects: readonly ProjectRef[],
  year?: number,
): Map<string | null, ImpactTotal[]> {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const groups = new Map<string | null, ImpactIndicator[]>();
  for (const i of indicators) {
    const p = byId.get(i.projectId);
    if (p === undefined) continue;
    const key = grouping === 'idea' ? p.ideaId : grouping === 'unit' ? p.unitId : p.campaignId;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  return new Map([...groups].map(([k, list]) => [k, sumIndicators(list, year)]));
}

/**
 * Roll-up per unit along the unit tree: a unit's figures are those of the projects in it AND in
 * every unit under it. `unitPaths` gives each unit's path from its root, itself last (the org_unit
 * `path`). Each indicator counts once in every group on its project's path — so once per group,
 * never twice in one — and a replication, a project of its own, counts in the adopting unit's
 * branch. `under`: only that unit and the units below it get a group (the roll-up page's filter).
 * Projects of an unknown unit or outside `under` are left out.
 */
export function rollUpByUnitTree(
  indicators: readonly ImpactIndicator[],
  projects: readonly ProjectRef[],
  unitPaths: ReadonlyMap<string, readonly string[]>,
  options: { year?: number; under?: string } = {},
): Map<string, ImpactTotal[]> {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const groups = new Map<string, ImpactIndicator[]>();
  for (const i of indicators) {
    const p = byId.get(i.projectId);
    const path = p === undefined ? undefined : unitPaths.get(p.unitId);
    if (path === undefined) continue;
    const from = options.under === undefined ? 0 : path.indexOf(options.under);
    if (from < 0) continue;
    for (const unitId of new Set(path.slice(from))) groups.set(unitId, [...(groups.get(unitId) ?? []), i]);
  }
  return new Map([...groups].map(([k, list]) => [k, sumIndicators(list, options.year)]));
}

/** Per year: every year that has a projection or a validated measurement, ascending. */
export function rollUpByYear(indicators: readonly ImpactIndicator[]): Map<number, ImpactTotal[]> {
  const years = new Set<number>();
  for (const i of indicators) {
    years.add(i.projectedOn.getUTCFullYear());
    for (const m of i.measurements) if (m.validatedBy !== null) years.add(m.measuredOn.getUTCFullYear());
  }
  return new Map([...years].sort((a, b) => a - b).map((y) => [y, sumIndicators(indicators, y)]));
}

/** A project with all its replications: the sum over the distinct projects of its lineage tree. */
export function rollUpWithReplications(
  rootProjectId: string,
  indicators: readonly ImpactIndicator[],
  projects: readonly ProjectRef[],
  year?: number,
): ImpactTotal[] {
  const tree = lineage(projects, rootProjectId);
  return sumIndicators(
    indicators.filter((i) => tree.has(i.projectId)),
    year,
  );
}
