import { labelsIn, SUPPORTED_LOCALES } from '../locale';
import {
  actualMeasurement,
  IMPACT_CATEGORIES,
  IMPACT_CATEGORY_LABELS,
  lineage,
  rollUpBy,
  rollUpByUnitTree,
  rollUpByYear,
  rollUpWithReplications,
  sumIndicators,
  validateImpactValue,
  validateMeasurement,
  type ImpactIndicator,
  type Measurement,
  type ProjectRef,
} from './impact';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const meas = (value: number, on: string, over: Partial<Measurement> = {}): Measurement => ({
  value,
  measuredOn: d(on),
  source: 'HR report',
  confidence: 'measured',
  validatedBy: 'net-1',
  ...over,
});
const ind = (
  id: string,
  projectId: string,
  projectedValue: number,
  measurements: Measurement[] = [],
  over: Partial<ImpactIndicator> = {},
): ImpactIndicator => ({
  id,
  projectId,
  category: 'staff_hours_saved',
  unit: 'h',
  projectedValue,
  projectedOn: d('2027-12-31'),
  measurements,
  ...over,
});
const proj = (id: string, unitId: string, replicatedFromId: string | null = null, ideaId = 'idea-1'): ProjectRef => ({
  id,
  ideaId,
  unitId,
  campaignId: 'camp-1',
  replicatedFromId,
});

describe('impact bounds', () => {
  it('rejects negative savings and absurd magnitudes, accepts a falling score', () => {
    expect(validateImpactValue('value', 'staff_hours_saved', 1200)).toEqual([]);
    expect(validateImpactValue('value', 'staff_hours_saved', -1)[0]?.code).toBe('out_of_range');
    expect(validateImpactValue('value', 'staff_hours_saved', 1e18)[0]?.code).toBe('out_of_range');
    expect(validateImpactValue('value', 'money_saved', Number.POSITIVE_INFINITY)).toHaveLength(1);
    expect(validateImpactValue('value', 'satisfaction', -2)).toEqual([]);
  });

  it('names the wrong fields of a measurement', () => {
    const now = d('2027-06-01');
    const ok = { value: 10, measuredOn: d('2027-05-01'), source: 'survey', confidence: 'estimated' as const };
    expect(validateMeasurement('safety', ok, d('2027-01-01'), now)).toEqual([]);
    const bad = validateMeasurement('safety', { ...ok, measuredOn: d('2026-12-01'), source: '' }, d('2027-01-01'), now);
    expect(bad.map((p) => `${p.field}:${p.code}`)).toEqual(['measuredOn:before_go_live', 'source:required']);
    expect(validateMeasurement('safety', { ...ok, measuredOn: d('2027-07-01') }, null, now)[0]?.code).toBe(
      'must_not_be_future',
    );
  });
});

describe('actual value', () => {
  it('is the latest validated measurement, the more confident one on the same day', () => {
    const i = ind('i', 'p', 100, [
      meas(10, '2027-03-01'),
      meas(99, '2027-09-01', { validatedBy: null }),
      meas(30, '2027-06-01', { confidence: 'estimated' }),
      meas(40, '2027-06-01', { confidence: 'audited' }),
    ]);
    expect(actualMeasurement(i)?.value).toBe(40);
    expect(actualMeasurement(i, 2026)).toBeNull();
  });
});

describe('roll-ups', () => {
  const projects = [
    proj('orig', 'unit-a'),
    proj('rep1', 'unit-b', 'orig', 'idea-2'),
    proj('rep2', 'unit-c', 'rep1', 'idea-3'),
    proj('other', 'unit-a', null, 'idea-9'),
  ];
  const indicators = [
    ind('i1', 'orig', 100, [meas(80, '2027-10-01')]),
    ind('i2', 'rep1', 50, [meas(60, '2027-10-01', { confidence: 'estimated' })]),
    ind('i3', 'rep2', 20),
    ind('i4', 'other', 7, [meas(7, '2027-10-01', { confidence: 'audited' })]),
    ind('i5', 'orig', 5000, [meas(4000, '2027-10-01')], { category: 'money_saved', unit: 'EUR' }),
  ];

  it('sums projected vs actual per category and unit, with the weakest confidence', () => {
    expect(sumIndicators(indicators.slice(0, 3))).toEqual([
      {
        category: 'staff_hours_saved',
        unit: 'h',
        projected: 170,
        actual: 140,
        indicatorCount: 3,
        measuredCount: 2,
        weakestConfidence: 'estimated',
      },
    ]);
  });

  it('sums a lineage tree of distinct projects: replications of replications, nothing twice', () => {
    expect([...lineage(projects, 'orig')].sort()).toEqual(['orig', 'rep1', 'rep2']);
    expect([...lineage(projects, 'rep1')].sort()).toEqual(['rep1', 'rep2']);
    const hours = rollUpWithReplications('orig', [...indicators, indicators[0]!], projects).find((t) => t.unit === 'h');
    expect(hours).toMatchObject({ projected: 170, actual: 140, indicatorCount: 3 });
  });

  it('survives a cycle in bad data', () => {
    expect([...lineage([proj('a', 'u', 'b'), proj('b', 'u', 'a')], 'a')].sort()).toEqual(['a', 'b']);
  });

  it('counts a replication for the unit that adopted it', () => {
    const byUnit = rollUpBy('unit', indicators, projects);
    expect(byUnit.get('unit-a')?.find((t) => t.unit === 'h')).toMatchObject({ projected: 107, actual: 87 });
    expect(byUnit.get('unit-b')).toEqual([expect.objectContaining({ projected: 50, actual: 60 })]);
    expect(
      rollUpBy('campaign', indicators, projects)
        .get('camp-1')
        ?.find((t) => t.unit === 'h')?.projected,
    ).toBe(177);
    expect(
      rollUpBy('idea', indicators, projects)
        .get('idea-1')
        ?.map((t) => t.unit),
    ).toEqual(['EUR', 'h']);
  });

  it('rolls a unit up with the units under it, each indicator once per unit, a replication in its own branch', () => {
    // dir ⊃ unit-a ⊃ unit-c; dir ⊃ unit-b. orig and other in unit-a, rep1 in unit-b, rep2 in unit-c.
    const paths = new Map([
      ['dir', ['dir']],
      ['unit-a', ['dir', 'unit-a']],
      ['unit-b', ['dir', 'unit-b']],
      ['unit-c', ['dir', 'unit-a', 'unit-c']],
    ]);
    const hours = (m: Map<string, ReturnType<typeof sumIndicators>>, unit: string) =>
      m.get(unit)?.find((t) => t.unit === 'h');
    const tree = rollUpByUnitTree([...indicators, indicators[0]!], projects, paths);
    // The whole organisation: every hour indicator once (i1 given twice still counts once).
    expect(hours(tree, 'dir')).toMatchObject({ projected: 177, actual: 147, indicatorCount: 4, measuredCount: 3 });
    // unit-a: its own projects (orig, other) and unit-c's replication (rep2); not unit-b's rep1.
    expect(hours(tree, 'unit-a')).toMatchObject({ projected: 127, actual: 87, indicatorCount: 3 });
    expect(hours(tree, 'unit-b')).toMatchObject({ projected: 50, actual: 60, indicatorCount: 1 });
    expect(hours(tree, 'unit-c')).toMatchObject({ projected: 20, actual: 0, indicatorCount: 1 });
    // A leaf is the same as its own-unit roll-up.
    expect(tree.get('unit-b')).toEqual(rollUpBy('unit', indicators, projects).get('unit-b'));
    // Under a unit: only it and the units below it, and only their projects.
    const under = rollUpByUnitTree(indicators, projects, paths, { under: 'unit-a' });
    expect([...under.keys()].sort()).toEqual(['unit-a', 'unit-c']);
    expect(rollUpByUnitTree(indicators, projects, paths, { year: 2026 }).get('dir')?.[0]?.actual).toBe(0);
    // A project whose unit is unknown is left out rather than guessed.
    expect(rollUpByUnitTree(indicators, projects, new Map([['unit-b', ['unit-b']]])).size).toBe(1);
  });

  it('groups per year by the projection date and the measurement date', () => {
    const years = rollUpByYear([ind('y', 'orig', 10, [meas(3, '2028-02-01')])]);
    expect([...years.keys()]).toEqual([2027, 2028]);
    expect(years.get(2027)).toEqual([expect.objectContaining({ projected: 10, actual: 0 })]);
    expect(years.get(2028)).toEqual([expect.objectContaining({ projected: 0, actual: 3 })]);
  });
});

describe('impact category labels', () => {
  it('names every category in both languages, one language at a time for the screens', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const names = labelsIn(IMPACT_CATEGORY_LABELS, locale);
      expect(Object.keys(names)).toEqual([...IMPACT_CATEGORIES]);
      for (const c of IMPACT_CATEGORIES) expect(names[c]).toBe(IMPACT_CATEGORY_LABELS[c][locale]);
      expect(new Set(Object.values(names)).size).toBe(IMPACT_CATEGORIES.length);
    }
    expect(labelsIn(IMPACT_CATEGORY_LABELS, 'en').staff_hours_saved).toBe('Staff hours saved');
  });
});
