import 'reflect-metadata';
import { jointlyDerivableCells, RECOGNITION_FORMS, suppressTable, withTotals } from '@eclore/domain';
import type { OrgUnit, Person } from '@eclore/server-identity';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import {
  makeContribution,
  makeIdea,
  makePerson,
  makeRecognition,
  makeUnit,
  type TestPerson,
} from '../../../../../test/harness';
import { RecognitionModule } from '../recognition.module';
import { AnnualFiguresService } from './annual-figures.service';
import type { AnnualFiguresDto } from './report.dto';

const YEAR = 2025;

/** The participation table of a response as hidden flags: [contributors, other staff, headcount] + totals. */
function hiddenTable(f: AnnualFiguresDto): boolean[][] {
  const row = (c: number | null, h: number | null) => [c === null, c === null || h === null, h === null];
  return [...f.participationByUnit.map((u) => row(u.contributors, u.headcount)), row(f.contributors, f.headcount)];
}

/**
 * Joint suppression on real PostgreSQL (docs/recognition.md §6): a unit's drill-down hides what its
 * row in the organisation's table hides, so reading both never gives away a withheld figure.
 */
describe('annual figures: a drill-down cannot undo its parent’s suppression (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let service: AnnualFiguresService;
  let hr: TestPerson;
  let small: OrgUnit;
  let middle: OrgUnit;
  let large: OrgUnit;
  let middleA: OrgUnit;
  let middleB: OrgUnit;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'annual_figures_drill_down', imports: [RecognitionModule] });
    service = ctx.get(AnnualFiguresService);
    small = await makeUnit(ctx.ds, { code: 'D-SMALL' });
    middle = await makeUnit(ctx.ds, { code: 'D-MIDDLE' });
    large = await makeUnit(ctx.ds, { code: 'D-LARGE' });
    middleA = await makeUnit(ctx.ds, { code: 'D-MIDDLE-A', parent: middle });
    middleB = await makeUnit(ctx.ds, { code: 'D-MIDDLE-B', parent: middle });
    hr = await makePerson(ctx.ds, { roles: ['hr'], unit: large, password: null });
    const people = async (unit: OrgUnit, n: number) =>
      Promise.all(Array.from({ length: n }, () => makePerson(ctx.ds, { unit, password: null }).then((p) => p.person)));
    // Contributors / other staff: small 3 / 10, middle 6 / 12 (A: 6 / 6, B: 0 / 6), large 10 / 10 (+ HR).
    const smallStaff = await people(small, 13);
    const aStaff = await people(middleA, 12);
    const bStaff = await people(middleB, 6);
    const largeStaff = await people(large, 19);
    await ctx.ds.query(`UPDATE person SET created_at = '2020-01-01'`);
    const idea = await makeIdea(ctx.ds, { authors: [largeStaff[0]!], unit: large, status: 'visible' });
    const comment = (p: Person) =>
      makeContribution(ctx.ds, { idea, kind: 'commented', person: p, at: new Date(Date.UTC(YEAR, 4, 1)) });
    for (const p of [...smallStaff.slice(0, 3), ...aStaff.slice(0, 6), ...largeStaff.slice(0, 10)]) await comment(p);
    // People recognised: small 3 awards; middle 6 awards; large 10 thanks letters and 6 awards.
    const recognise = (p: Person, form: (typeof RECOGNITION_FORMS)[number]) =>
      makeRecognition(ctx.ds, { idea, person: p, by: hr.person, form, at: new Date(Date.UTC(YEAR, 6, 1)) });
    for (const p of [...smallStaff.slice(0, 3), ...aStaff.slice(0, 6), ...largeStaff.slice(10, 16)])
      await recognise(p, 'award');
    for (const p of largeStaff.slice(0, 10)) await recognise(p, 'thanks_letter');
    expect(bStaff).toHaveLength(6);
  });

  afterAll(() => ctx?.close());

  const now = new Date(Date.UTC(YEAR + 1, 5, 1));
  const figures = (unit: OrgUnit | null) => service.figures(hr.actor, YEAR, unit?.id ?? null, now);

  it('hides in the drill-down every figure its row hides in the organisation’s table', async () => {
    const org = await figures(null);
    const rowOf = (unit: OrgUnit) => org.participationByUnit.find((r) => r.unit?.id === unit.id)!;
    // The small unit's 3 contributors are withheld, and the middle unit's 6 with them (complement).
    expect(rowOf(small)).toMatchObject({ contributors: null, participationRate: null });
    expect(rowOf(middle)).toMatchObject({ contributors: null, headcount: 18 });

    const drill = await figures(middle);
    // Alone, the middle unit's table has no small cell and would publish its 6 contributors: the
    // organisation's hidden figure, from which the small unit's 3 follow.
    const alone = suppressTable({
      values: withTotals([
        [6, 6],
        [0, 6],
      ]),
    });
    expect(alone.published[2]).toEqual([6, 12, 18]);
    expect({ headcount: drill.headcount, contributors: drill.contributors, rate: drill.participationRate }).toEqual({
      headcount: 18,
      contributors: null,
      rate: null,
    });
    // The two tables read together give nothing away.
    const parentRow = org.participationByUnit.findIndex((r) => r.unit?.id === middle.id);
    const child = hiddenTable(drill);
    const links = [0, 1, 2].map((j) => ({
      a: [0, parentRow, j] as [number, number, number],
      b: [1, child.length - 1, j] as [number, number, number],
    }));
    expect(jointlyDerivableCells([hiddenTable(org), child], links)).toEqual([]);
  });

  it('gives every unit the same figures as a row of its parent and as its own totals', async () => {
    const org = await figures(null);
    for (const row of org.participationByUnit.filter((r) => r.unit !== null)) {
      const unit = [small, middle, large].find((u) => u.id === row.unit!.id)!;
      const own = await figures(unit);
      expect({ unit: unit.code, headcount: own.headcount, contributors: own.contributors }).toEqual({
        unit: unit.code,
        headcount: row.headcount,
        contributors: row.contributors,
      });
    }
    const middleFigures = await figures(middle);
    const aRow = middleFigures.participationByUnit.find((r) => r.unit?.id === middleA.id)!;
    const a = await figures(middleA);
    expect([a.headcount, a.contributors]).toEqual([aRow.headcount, aRow.contributors]);
  });

  it('protects people recognised per form across the units read one by one (units × forms, jointly)', async () => {
    const org = await figures(null);
    const units = [small, middle, large];
    const own = await Promise.all(units.map((u) => figures(u)));
    const row = (f: AnnualFiguresDto) => [...f.peopleRecognised.byForm.map((r) => r.people), f.peopleRecognised.total];
    // What a reader assembles: each unit's figures as a row, the organisation's as the totals.
    const assembled = [...own.map(row), row(org)];
    const award = RECOGNITION_FORMS.indexOf('award');
    expect(assembled[0]![award]).toBeNull(); // the small unit's 3
    expect(jointlyDerivableCells([assembled.map((r) => r.map((v) => v === null))], [])).toEqual([]);
    // Every published figure is true.
    const truth = [
      [0, 3, 0, 0, 3],
      [0, 6, 0, 0, 6],
      [10, 6, 0, 0, 16],
      [10, 15, 0, 0, 25],
    ];
    expect(assembled.map((r, i) => r.map((v, j) => v ?? truth[i]![j]))).toEqual(truth);

    // Each unit suppressed alone (one column of forms) would have given the small unit's 3 away:
    // 15 awards in the organisation, 6 in the middle unit, 6 in the large one.
    const alone = truth.map((r) => {
      const column = r.slice(0, -1).map((v) => [v]);
      return suppressTable({ values: withTotals(column) }).published.map((c) => c[0]!);
    });
    expect(jointlyDerivableCells([alone.map((r) => r.map((v) => v === null))], [])).toContainEqual([0, 0, award]);
  });
});
