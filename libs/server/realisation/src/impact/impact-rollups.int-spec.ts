import 'reflect-metadata';
import {
  lineage,
  rollUpBy,
  rollUpByUnitTree,
  rollUpByYear,
  sumIndicators,
  type ImpactCategory,
  type ImpactTotal,
  type MeasurementConfidence,
  type ProjectRef,
} from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import type { Idea } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeCampaign, makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../../test/harness';
import { makeProject } from '../../../../../test/harness/realisation';
import { ImpactIndicator, ImpactMeasurement, ImplementationProject, Replication } from '../entities';
import { RealisationModule } from '../realisation.module';
import type { RollupGrouping } from './impact.dto';
import { ImpactQueriesService, toDomainIndicator } from './impact-queries.service';
import { ImpactRepository } from './impact.repository';

/**
 * The roll-ups' SQL against the domain's formulas (the one source of the rules) and against
 * independent SQL, on a generated data set: several ideas, units (a tree of three levels), campaigns
 * and years, unvalidated measurements, a replication chain of depth 2 and a project reached twice by
 * the lineage.
 */
const CONFIDENCES: MeasurementConfidence[] = ['estimated', 'measured', 'audited'];
const CATEGORIES: [ImpactCategory, string][] = [
  ['staff_hours_saved', 'h/year'],
  ['money_saved', '€/year'],
  ['money_saved', 'k€/year'],
  ['satisfaction', 'points'],
];

/** A small deterministic generator (the data set is the same on every run). */
function generator(seed: number) {
  let s = seed;
  return (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits cycle too quickly to spread the data.
    return Math.floor(s / 65536) % n;
  };
}

const strip = (totals: ImpactTotal[]) =>
  totals.map((t) => ({ ...t, projected: Math.round(t.projected), actual: Math.round(t.actual) }));

describe('impact roll-ups (SQL vs domain vs independent SQL, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let repo: ImpactRepository;
  let queries: ImpactQueriesService;
  let root: OrgUnit;
  let units: OrgUnit[];
  let owner: TestPerson;
  let validator: TestPerson;
  let ideas: Idea[];
  const projects: ImplementationProject[] = [];
  let p1: ImplementationProject;
  let p1b: ImplementationProject;
  let r1: ImplementationProject;
  let r2: ImplementationProject;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'impactrollups', imports: [RealisationModule] });
    repo = ctx.get(ImpactRepository);
    queries = ctx.get(ImpactQueriesService);
    root = await makeUnit(ctx.ds);
    units = [await makeUnit(ctx.ds, { parent: root }), await makeUnit(ctx.ds, { parent: root })];
    units.push(await makeUnit(ctx.ds, { parent: units[0]! }));
    owner = await makePerson(ctx.ds, { unit: units[0]!, password: null });
    validator = await makePerson(ctx.ds, { roles: ['network_member'], password: null });
    const campaigns = [
      await makeCampaign(ctx.ds, { createdBy: validator.person }),
      await makeCampaign(ctx.ds, { createdBy: validator.person }),
    ];
    ideas = [];
    for (let i = 0; i < 6; i++) {
      ideas.push(
        await makeIdea(ctx.ds, {
          authors: [owner.person],
          unit: units[i % units.length]!,
          campaign: i % 3 === 2 ? undefined : campaigns[i % 2],
          status: 'follow_up',
        }),
      );
    }
    // Ideas 0..3 have a project each (idea 0 two); ideas 4 and 5 are the child ideas of replications.
    for (let i = 0; i < 4; i++) projects.push(await makeProject(ctx.ds, { idea: ideas[i]!, owner: owner.person }));
    p1 = projects[0]!;
    p1b = await makeProject(ctx.ds, { idea: ideas[0]!, owner: owner.person });
    r1 = await makeProject(ctx.ds, { idea: ideas[4]!, owner: owner.person, unit: units[1]! });
    r2 = await makeProject(ctx.ds, { idea: ideas[5]!, owner: owner.person, unit: units[2]! });
    projects.push(p1b, r1, r2);
    const replicate = (original: ImplementationProject, replica: ImplementationProject, unit: OrgUnit) =>
      ctx.ds.manager.insert(Replication, {
        originalProjectId: original.id,
        replicaProjectId: replica.id,
        orgUnitId: unit.id,
        requestedBy: owner.person.id,
        status: 'active',
      });
    // A chain of depth 2 (p1 → r1 → r2), and p1b reached both as the idea's own project and as p1's replication.
    await replicate(p1, r1, units[1]!);
    await replicate(r1, r2, units[2]!);
    await replicate(p1, p1b, units[0]!);
    // A declined request adds nothing.
    await ctx.ds.manager.insert(Replication, {
      originalProjectId: projects[1]!.id,
      orgUnitId: units[2]!.id,
      requestedBy: owner.person.id,
      status: 'declined',
    });

    const rnd = generator(42);
    for (const project of projects) {
      for (let k = 0; k < 3; k++) {
        const [category, unit] = CATEGORIES[rnd(CATEGORIES.length)]!;
        const result = await ctx.ds.manager.insert(ImpactIndicator, {
          projectId: project.id,
          category,
          label: `Indicator ${k}`,
          unit,
          baseline: null,
          projectedValue: 100 + rnd(900),
          projectedOn: `${2024 + rnd(3)}-0${1 + rnd(9)}-1${rnd(9)}`,
          createdBy: owner.person.id,
        });
        const indicatorId = String(result.identifiers[0]!['id']);
        for (let j = 0, n = rnd(5); j < n; j++) {
          const validated = rnd(4) > 0;
          await ctx.ds.manager.insert(ImpactMeasurement, {
            indicatorId,
            category,
            value: 10 + rnd(500),
            // A few land on the same day, so the confidence tie-break is exercised.
            measuredOn: `${2024 + rnd(3)}-0${1 + rnd(2)}-0${1 + rnd(3)}`,
            source: 'Generated',
            confidence: CONFIDENCES[rnd(3)]!,
            recordedBy: owner.person.id,
            validatedBy: validated ? validator.person.id : null,
            validatedAt: validated ? new Date() : null,
          });
        }
      }
    }
  });

  afterAll(() => ctx?.close());

  /** The data set as the domain sees it, read with plain selects. */
  async function domainData() {
    const ids = projects.map((p) => p.id);
    const indicators = await repo.indicatorsOf(ids);
    const measurements = await repo.measurementsOf(indicators.map((i) => i.id));
    const replications = await ctx.ds.manager.findBy(Replication, { status: 'active' });
    const refs: ProjectRef[] = projects.map((p) => ({
      id: p.id,
      ideaId: p.ideaId,
      unitId: p.orgUnitId,
      campaignId: ideas.find((i) => i.id === p.ideaId)!.campaignId,
      replicatedFromId: replications.find((r) => r.replicaProjectId === p.id)?.originalProjectId ?? null,
    }));
    const unitRows = await ctx.ds.query<{ id: string; path: string[] }[]>(`SELECT id, path FROM org_unit`);
    return {
      unitPaths: new Map(unitRows.map((u) => [u.id, u.path])),
      indicators: indicators.map((i) =>
        toDomainIndicator(
          i,
          measurements.filter((m) => m.indicatorId === i.id),
        ),
      ),
      refs,
    };
  }

  const everywhere = { everywhere: true, units: [], themes: [] };

  it.each([undefined, 2025])(
    'per unit (year %s) follows the unit tree as the domain’s rollUpByUnitTree',
    async (year) => {
      const { indicators, refs, unitPaths } = await domainData();
      const expected = rollUpByUnitTree(indicators, refs, unitPaths, { year, under: root.id });
      const lines = await repo.rollup(everywhere, { grouping: 'unit', year, orgUnitId: root.id });
      expect(lines.some((l) => l.measuredCount > 0 && l.actual > 0)).toBe(true);
      const keys = [...new Set(lines.map((l) => l.key))].sort();
      expect(keys).toEqual([root.id, ...units.map((u) => u.id)].sort());
      expect(keys).toEqual([...expected.keys()].sort());
      for (const key of keys) {
        const got = lines.filter((l) => l.key === key).map(({ key: _k, ...t }) => t);
        expect(strip(got)).toEqual(strip(expected.get(key!)!));
      }
      // Under a sub-unit: it and its own sub-unit only.
      const under = await repo.rollup(everywhere, { grouping: 'unit', year, orgUnitId: units[0]!.id });
      expect([...new Set(under.map((l) => l.key))].sort()).toEqual([units[0]!.id, units[2]!.id].sort());
    },
  );

  it.each([
    ['campaign', undefined],
    ['campaign', 2026],
    ['idea', undefined],
    ['idea', 2024],
  ] as [Exclude<RollupGrouping, 'year'>, number | undefined][])(
    'per %s (year %s) equals the domain’s rollUpBy',
    async (grouping, year) => {
      const { indicators, refs } = await domainData();
      const expected = rollUpBy(grouping, indicators, refs, year);
      const lines = await repo.rollup(everywhere, { grouping, year, orgUnitId: root.id });
      // The data set exercises the actual-value rule, not only projections.
      expect(lines.some((l) => l.measuredCount > 0 && l.actual > 0)).toBe(true);
      const keys = new Set(lines.map((l) => l.key));
      expect([...keys].sort()).toEqual([...expected.keys()].sort());
      for (const key of keys) {
        const got = lines.filter((l) => l.key === key).map(({ key: _k, ...t }) => t);
        expect(strip(got)).toEqual(strip(expected.get(key)!));
      }
    },
  );

  it('per year equals the domain’s rollUpByYear', async () => {
    const { indicators } = await domainData();
    const expected = rollUpByYear(indicators);
    const lines = await repo.rollup(everywhere, { grouping: 'year', orgUnitId: root.id });
    expect([...new Set(lines.map((l) => Number(l.key)))]).toEqual([...expected.keys()]);
    for (const [year, totals] of expected) {
      const got = lines.filter((l) => l.key === String(year)).map(({ key: _k, ...t }) => t);
      expect(strip(got)).toEqual(strip(totals));
    }
  });

  it('follows the lineage: the chain of depth 2 counts, a project reached twice counts once', async () => {
    const { indicators, refs } = await domainData();
    const tree = new Set([...lineage(refs, p1.id), ...lineage(refs, p1b.id)]);
    expect([...tree].sort()).toEqual([p1.id, p1b.id, r1.id, r2.id].sort());
    const expected = sumIndicators(indicators.filter((i) => tree.has(i.projectId)));
    const got = await repo.lineageTotals(ideas[0]!.id);
    expect(got.projects).toBe(4);
    expect(strip(got.totals)).toEqual(strip(expected));
    // Twelve indicators over the four distinct projects: none counted twice.
    expect(got.totals.reduce((n, t) => n + t.indicatorCount, 0)).toBe(12);
  });

  it('agrees per unit with independent SQL (a recursive CTE over the unit tree, correlated subqueries, no DISTINCT ON)', async () => {
    const independent: {
      unit_id: string;
      category: string;
      unit: string;
      projected: string;
      actual: string;
      measured: string;
      indicators: string;
    }[] = await ctx.ds.query(
      // Every (unit, unit at or below it) pair by walking parent_id down from each unit: the unit
      // tree rebuilt without the stored path the roll-up reads.
      `WITH RECURSIVE below(ancestor_id, unit_id) AS (
         SELECT id, id FROM org_unit
         UNION ALL
         SELECT b.ancestor_id, c.id FROM below b JOIN org_unit c ON c.parent_id = b.unit_id
       )
       SELECT b.ancestor_id AS unit_id, ii.category, ii.unit, COUNT(*)::text AS indicators,
                SUM(ii.projected_value)::text AS projected,
                SUM(COALESCE((
                  SELECT m.value FROM impact_measurement m
                   WHERE m.indicator_id = ii.id AND m.validated_at IS NOT NULL
                     AND NOT EXISTS (
                       SELECT 1 FROM impact_measurement o
                        WHERE o.indicator_id = ii.id AND o.validated_at IS NOT NULL
                          AND (o.measured_on > m.measured_on
                               OR (o.measured_on = m.measured_on
                                   AND array_position(ARRAY['estimated','measured','audited'], o.confidence)
                                     > array_position(ARRAY['estimated','measured','audited'], m.confidence))
                               OR (o.measured_on = m.measured_on AND o.confidence = m.confidence
                                   AND (o.created_at, o.id) < (m.created_at, m.id))))
                ), 0))::text AS actual,
                COUNT(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM impact_measurement m WHERE m.indicator_id = ii.id AND m.validated_at IS NOT NULL))::text AS measured
           FROM impact_indicator ii JOIN implementation_project p ON p.id = ii.project_id
           JOIN below b ON b.unit_id = p.org_unit_id
          WHERE p.id = ANY($1::uuid[])
            AND b.ancestor_id IN (SELECT unit_id FROM below WHERE ancestor_id = $2)
          GROUP BY b.ancestor_id, ii.category, ii.unit`,
      [projects.map((p) => p.id), root.id],
    );
    const lines = await repo.rollup(everywhere, { grouping: 'unit', orgUnitId: root.id });
    expect(lines).toHaveLength(independent.length);
    for (const row of independent) {
      const line = lines.find((l) => l.key === row.unit_id && l.category === row.category && l.unit === row.unit);
      expect(line).toMatchObject({
        projected: Number(row.projected),
        actual: Number(row.actual),
        measuredCount: Number(row.measured),
        indicatorCount: Number(row.indicators),
      });
    }
    // The top unit holds every indicator of the seven projects exactly once: the replications (p1b
    // reached as the idea's own project and as p1's replication, the chain p1 → r1 → r2) included.
    const top = lines.filter((l) => l.key === root.id);
    expect(top.reduce((n, l) => n + l.indicatorCount, 0)).toBe(projects.length * 3);
  });

  it('limits the roll-ups to the reader’s scope, and refuses employees', async () => {
    const scoped = await makePerson(ctx.ds, { roles: [{ role: 'committee_member', unit: units[1]! }], password: null });
    const view = await queries.rollups(scoped.actor, { by: 'idea' });
    const ideasOfUnit = ideas.filter((i) => i.orgUnitId === units[1]!.id).map((i) => i.id);
    expect(view.groups.length).toBeGreaterThan(0);
    for (const g of view.groups) expect(ideasOfUnit).toContain(g.key);
    const employee = await makePerson(ctx.ds, { password: null });
    await expect(queries.rollups(employee.actor, { by: 'unit' })).rejects.toMatchObject({ code: 'role_required' });
    const hr = await makePerson(ctx.ds, { roles: ['hr'], password: null });
    const all = await queries.rollups(hr.actor, { by: 'unit', orgUnitId: root.id });
    expect(all.groups.map((g) => g.key).sort()).toEqual([root.id, ...units.map((u) => u.id)].sort());
    // A reader scoped to a sub-unit: its groups are that unit and the one under it, never the
    // top unit (whose figure they would see only in part).
    const subScoped = await makePerson(ctx.ds, {
      roles: [{ role: 'network_member', unit: units[0]! }],
      password: null,
    });
    const theirs = await queries.rollups(subScoped.actor, { by: 'unit' });
    expect(theirs.groups.map((g) => g.key).sort()).toEqual([units[0]!.id, units[2]!.id].sort());
  });
});
