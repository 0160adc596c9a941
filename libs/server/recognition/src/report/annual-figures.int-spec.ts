import 'reflect-metadata';
import {
  answeredWithinGuarantee,
  durationSummary,
  funnel,
  furthestStep,
  ideasPer100Staff,
  participationRate,
  RECOGNITION_FORMS,
  type IdeaStatus,
} from '@eclore/domain';
import type { OrgUnit, Person } from '@eclore/server-identity';
import type { Idea } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import {
  makeContribution,
  makeExperiment,
  makeIdea,
  makeIdeaHistory,
  makePerson,
  makeProject,
  makeRecognition,
  makeReplication,
  makeUnit,
  refusal,
  type HistoryStep,
  type TestPerson,
} from '../../../../../test/harness';
import { RecognitionModule } from '../recognition.module';
import { AnnualFiguresService } from './annual-figures.service';
import type { AnnualFiguresDto } from './report.dto';

const YEAR = 2025;
const FROM = new Date(Date.UTC(YEAR, 0, 1));
const CUTOFF = new Date(Date.UTC(YEAR + 1, 0, 1));
const d = (day: string) => new Date(`${day}T09:00:00Z`);

/**
 * The annual figures on a small generated year (real PostgreSQL), each checked against SQL written
 * here, independently of report.sql.ts, fed to the domain's list-form formulas.
 */
describe('annual report figures (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let service: AnnualFiguresService;
  let hr: TestPerson;
  let lead: TestPerson;
  let employee: TestPerson;
  let root: OrgUnit;
  let unitA: OrgUnit;
  let unitB: OrgUnit;
  let other: OrgUnit;
  let staffA: Person[];
  let staffB: Person[];

  /** An idea of `unit` with its dated history; the first step is its first submission. */
  const idea = async (
    unit: OrgUnit,
    author: Person,
    status: IdeaStatus,
    steps: [string, IdeaStatus | null, IdeaStatus, string][],
  ) => {
    const made = await makeIdea(ctx.ds, { authors: [author], unit, status: status as Idea['status'] });
    const history: HistoryStep[] = steps.map(([type, from, to, at]) => ({ type, from, to, at: d(at), actor: author }));
    const ids = await makeIdeaHistory(ctx.ds, made, history);
    return { idea: made, submitEventId: ids[0]! };
  };
  const PATH_TO_DECIDE = (start: string, qualified: string): [string, IdeaStatus | null, IdeaStatus, string][] => [
    ['submit', 'emerge', 'collect', start],
    ['accept', 'collect', 'visible', start],
    ['start_qualification', 'visible', 'qualify', start],
    ['qualify', 'qualify', 'decide', qualified],
  ];

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'annual_figures', imports: [RecognitionModule] });
    service = ctx.get(AnnualFiguresService);
    root = await makeUnit(ctx.ds, { code: 'R' });
    unitA = await makeUnit(ctx.ds, { code: 'R-A', parent: root });
    unitB = await makeUnit(ctx.ds, { code: 'R-B', parent: root });
    other = await makeUnit(ctx.ds, { code: 'O' });
    hr = await makePerson(ctx.ds, { roles: ['hr'], password: null });
    lead = await makePerson(ctx.ds, { roles: [{ role: 'network_lead', unit: unitA }], password: null });
    employee = await makePerson(ctx.ds, { unit: unitA, password: null });
    const people = async (unit: OrgUnit, n: number) =>
      Promise.all(Array.from({ length: n }, () => makePerson(ctx.ds, { unit, password: null }).then((p) => p.person)));
    staffA = await people(unitA, 12);
    staffB = await people(unitB, 8);
    const staffO = await people(other, 6);
    const [newcomer, gone] = await people(unitA, 2);
    // The year's staff were in the directory before it; a newcomer of next year and someone who left
    // the year before are not in its headcount; someone who left during it is.
    await ctx.ds.query(`UPDATE person SET created_at = '2020-01-01' WHERE id = ANY($1)`, [
      [...staffA, ...staffB, ...staffO, gone!].map((p) => p.id),
    ]);
    await ctx.ds.query(`UPDATE person SET created_at = '2026-03-01' WHERE id = $1`, [newcomer!.id]);
    await ctx.ds.query(`UPDATE person SET active = false, deactivated_at = $2 WHERE id = $1`, [
      gone!.id,
      d('2024-06-01'),
    ]);
    await ctx.ds.query(`UPDATE person SET active = false, deactivated_at = $2 WHERE id = $1`, [
      staffA[11]!.id,
      d('2025-06-01'),
    ]);

    const [a1, a2, a3, a4, a5, a6, a7] = staffA as [Person, Person, Person, Person, Person, Person, Person];
    const [b1, b2, b3] = staffB as [Person, Person, Person];

    // Ideas through every stage (answer and decision times in days in the comments).
    const i1 = await idea(unitA, a1, 'closed', [
      ...PATH_TO_DECIDE('2025-01-10', '2025-01-20'), // answered in 10
      ['decide_implement', 'decide', 'implement', '2025-02-19'], // decided in 40
      ['complete_implementation', 'implement', 'follow_up', '2025-06-01'],
      ['close', 'follow_up', 'closed', '2025-09-01'],
    ]);
    const i2 = await idea(unitA, a2, 'prototype', [
      ...PATH_TO_DECIDE('2025-02-01', '2025-03-15'), // 42: late
      ['decide_prototype', 'decide', 'prototype', '2025-04-14'],
    ]);
    await idea(unitA, a3, 'visible', [
      ['submit', 'emerge', 'collect', '2025-03-01'],
      ['return_to_authors', 'collect', 'returned', '2025-03-05'], // 4
      ['submit', 'returned', 'collect', '2025-03-10'], // a resubmission: not a new first submission
      ['accept', 'collect', 'visible', '2025-03-12'],
    ]);
    await idea(unitA, a4, 'declined', [
      ['submit', 'emerge', 'collect', '2025-04-01'],
      ['decline', 'collect', 'declined', '2025-04-03'], // 2 (a network decline: no decision)
    ]);
    await idea(unitA, a5, 'collect', [['submit', 'emerge', 'collect', '2025-12-20']]); // not due by the cut-off
    await idea(unitA, a5, 'withdrawn', [
      ['submit', 'emerge', 'collect', '2025-05-01'],
      ['withdraw', 'collect', 'withdrawn', '2025-05-10'], // withdrawn in time: not judged
    ]);
    await idea(unitA, a6, 'collect', [['submit', 'emerge', 'collect', '2025-06-01']]); // never answered: late
    const i8 = await idea(unitB, b1, 'implement', [
      ...PATH_TO_DECIDE('2025-07-01', '2025-07-11'),
      ['decide_implement', 'decide', 'implement', '2025-08-10'],
    ]);
    const i9 = await idea(unitA, a7, 'follow_up', [
      ...PATH_TO_DECIDE('2024-11-01', '2024-11-20'), // last year's cohort
      ['decide_implement', 'decide', 'implement', '2024-12-10'],
      ['complete_implementation', 'implement', 'follow_up', '2025-03-01'], // in service this year
    ]);
    await idea(other, staffO[0]!, 'collect', [['submit', 'emerge', 'collect', '2025-02-01']]);
    await idea(unitA, a1, 'parked', [
      ...PATH_TO_DECIDE('2025-08-01', '2025-08-05'),
      ['park', 'decide', 'parked', '2025-09-01'],
    ]);
    await idea(unitB, b2, 'declined', [
      ...PATH_TO_DECIDE('2025-09-01', '2025-09-02'),
      ['decline', 'decide', 'declined', '2025-09-30'],
    ]);
    await idea(unitA, a1, 'collect', [['submit', 'emerge', 'collect', '2026-01-05']]); // next year

    // The ledger: six contributors in A (one anonymous), three in B; acts that do not count.
    await makeContribution(ctx.ds, {
      idea: i1.idea,
      kind: 'authored',
      person: a1,
      at: d('2025-01-10'),
      eventId: i1.submitEventId,
    });
    await makeContribution(ctx.ds, {
      idea: i2.idea,
      kind: 'authored',
      person: a2,
      at: d('2025-02-01'),
      eventId: i2.submitEventId,
    });
    for (const [p, at] of [
      [a3, '2025-03-03'],
      [a4, '2025-04-02'],
      [a5, '2025-05-05'],
      [a6, '2025-12-31'],
    ] as const)
      await makeContribution(ctx.ds, { idea: i1.idea, kind: 'commented', person: p, at: d(at) });
    await makeContribution(ctx.ds, {
      idea: i2.idea,
      kind: 'team_member',
      person: a6,
      at: d('2025-04-20'),
      anonymous: true,
    });
    await makeContribution(ctx.ds, { idea: i2.idea, kind: 'qualified', person: a7, at: d('2025-03-15') }); // no participation
    await makeContribution(ctx.ds, { idea: i2.idea, kind: 'supported', person: null, at: d('2025-03-16') });
    await makeContribution(ctx.ds, { idea: i9.idea, kind: 'commented', person: a7, at: d('2024-11-05') }); // last year
    await makeContribution(ctx.ds, {
      idea: i8.idea,
      kind: 'authored',
      person: b1,
      at: d('2025-07-01'),
      eventId: i8.submitEventId,
    });
    await makeContribution(ctx.ds, { idea: i8.idea, kind: 'commented', person: b2, at: d('2025-07-02') });
    await makeContribution(ctx.ds, { idea: i8.idea, kind: 'team_member', person: b3, at: d('2025-08-11') });
    await makeContribution(ctx.ds, { idea: i8.idea, kind: 'commented', person: staffB[3]!, at: d('2026-01-02') }); // next year

    // Experiments: validated in the year, stopped only after the cut-off, started the year before.
    const validated = await makeExperiment(ctx.ds, {
      idea: i2.idea,
      by: a2,
      startsOn: '2025-05-01',
      endsOn: '2025-07-01',
    });
    await ctx.ds.query(`UPDATE experiment SET status = 'validated', outcome_at = $2 WHERE id = $1`, [
      validated.experiment.id,
      d('2025-08-01'),
    ]);
    const late = await makeExperiment(ctx.ds, { idea: i2.idea, by: a2, startsOn: '2025-10-01', endsOn: '2025-12-01' });
    await ctx.ds.query(
      `UPDATE experiment SET status = 'stopped', learnings = 'No gain.', outcome_at = $2 WHERE id = $1`,
      [late.experiment.id, d('2026-02-01')],
    );
    await makeExperiment(ctx.ds, { idea: i8.idea, by: b1, startsOn: '2024-12-01', endsOn: '2025-01-31' });

    // A replication adopted by B this year.
    const original = await makeProject(ctx.ds, { idea: i1.idea, owner: a1 });
    const replica = await makeProject(ctx.ds, { idea: i1.idea, owner: b1, unit: unitB });
    await makeReplication(ctx.ds, { original, replica, unit: unitB, by: b1, at: d('2025-10-01') });

    // Recognitions: two thanks letters, an award, career evidence in B, one of last year.
    for (const [p, form, at, occurrence] of [
      [a1, 'thanks_letter', '2025-06-10', '1'],
      [a2, 'thanks_letter', '2025-06-11', '1'],
      [a1, 'award', '2025-11-01', '2'],
      [b1, 'career_evidence', '2025-09-01', '1'],
      [a3, 'award', '2024-06-01', '1'],
    ] as const)
      await makeRecognition(ctx.ds, { idea: i1.idea, person: p, by: hr.person, form, at: d(at), occurrence });
    await ctx.ds.query(
      `INSERT INTO charter_input (year, people_trained, communication_actions, entered_by) VALUES ($1, 40, 3, $2)`,
      [YEAR, hr.person.id],
    );
  });
  afterAll(() => ctx?.close());

  // ------------------------------------------------------------------------------------------------
  // Independent SQL: per-person and per-idea rows, counted here with the domain's list formulas.

  const inScope = (alias: string) =>
    `($1::uuid IS NULL OR EXISTS (SELECT 1 FROM org_unit s WHERE s.id = ${alias}.org_unit_id AND $1::uuid = ANY(s.path)))`;

  async function expectedStaff(scope: string | null) {
    const rows: { id: string; contributed: boolean }[] = await ctx.ds.query(
      `SELECT p.id,
              EXISTS (SELECT 1 FROM contribution c WHERE c.person_id = p.id AND c.occurred_at >= $2 AND c.occurred_at < $3
                         AND c.kind IN ('authored','co_authored','commented','comment_adopted','team_member',
                                        'experiment_lead','implementation_owner','milestone_done','replicated')) AS contributed
         FROM person p
        WHERE ${inScope('p')} AND p.created_at < $3 AND COALESCE(p.deactivated_at, 'infinity') >= $2`,
      [scope, FROM, CUTOFF],
    );
    return { headcount: rows.length, contributors: rows.filter((r) => r.contributed).length };
  }

  async function expectedIdeas(scope: string | null) {
    const rows: {
      submitted: Date;
      statuses: IdeaStatus[];
      answered: Date | null;
      decided: Date | null;
      withdrawn: Date | null;
    }[] = await ctx.ds.query(
      `SELECT x.* FROM (
         SELECT (SELECT min(e.occurred_at) FROM idea_event e WHERE e.idea_id = i.id AND e.type = 'submit') AS submitted,
                ARRAY(SELECT e.to_status FROM idea_event e WHERE e.idea_id = i.id AND e.to_status IS NOT NULL AND e.occurred_at <= $3) AS statuses,
                (SELECT min(e.occurred_at) FROM idea_event e WHERE e.idea_id = i.id AND e.occurred_at <= $3
                    AND e.to_status IN ('returned','decide','declined','merged')) AS answered,
                (SELECT min(e.occurred_at) FROM idea_event e WHERE e.idea_id = i.id AND e.occurred_at <= $3 AND e.from_status = 'decide') AS decided,
                (SELECT min(e.occurred_at) FROM idea_event e WHERE e.idea_id = i.id AND e.occurred_at <= $3 AND e.to_status = 'withdrawn') AS withdrawn
           FROM idea i WHERE ${inScope('i')}) x
        WHERE x.submitted >= $2 AND x.submitted < $3`,
      [scope, FROM, CUTOFF],
    );
    const ms = (a: Date, b: Date) => a.getTime() - b.getTime();
    return {
      submitted: rows.length,
      funnel: funnel(rows.map((r) => furthestStep(r.statuses))),
      answer: durationSummary(rows.filter((r) => r.answered).map((r) => ms(r.answered!, r.submitted))),
      decision: durationSummary(rows.filter((r) => r.decided).map((r) => ms(r.decided!, r.submitted))),
      guarantee: answeredWithinGuarantee(
        rows.map((r) => ({
          submittedAt: r.submitted,
          firstAnswerAt: r.answered,
          withdrawnUnansweredAt: r.answered ? null : r.withdrawn,
        })),
        30,
        CUTOFF,
      ),
    };
  }

  async function expectedCounts(scope: string | null) {
    type Counts = Record<'validated' | 'running' | 'implemented' | 'replications', number>;
    const [row] = await ctx.ds.query<Counts[]>(
      `SELECT
         (SELECT count(*)::int FROM experiment x JOIN idea i ON i.id = x.idea_id
           WHERE ${inScope('i')} AND x.starts_on BETWEEN '2025-01-01' AND '2025-12-31' AND x.outcome_at < $3 AND x.status = 'validated') AS validated,
         (SELECT count(*)::int FROM experiment x JOIN idea i ON i.id = x.idea_id
           WHERE ${inScope('i')} AND x.starts_on BETWEEN '2025-01-01' AND '2025-12-31' AND (x.outcome_at IS NULL OR x.outcome_at >= $3)) AS running,
         (SELECT count(DISTINCT e.idea_id)::int FROM idea_event e JOIN idea i ON i.id = e.idea_id
           WHERE ${inScope('i')} AND e.to_status = 'follow_up' AND e.occurred_at >= $2 AND e.occurred_at < $3) AS implemented,
         (SELECT count(*)::int FROM replication r WHERE ${inScope('r')} AND r.status = 'active' AND r.decided_at >= $2 AND r.decided_at < $3) AS replications`,
      [scope, FROM, CUTOFF],
    );
    const byForm: { form: string; people: number }[] = await ctx.ds.query(
      `SELECT r.form, count(DISTINCT r.person_id)::int AS people FROM recognition r JOIN person p ON p.id = r.person_id
        WHERE ${inScope('p')} AND r.status = 'recorded' AND r.recorded_at >= $2 AND r.recorded_at < $3 GROUP BY r.form`,
      [scope, FROM, CUTOFF],
    );
    return { ...row!, byForm };
  }

  const scopes = (): [string, () => string | null][] => [
    ['the whole organisation', () => null],
    ['a direction with its services', () => root.id],
    ['one service', () => unitA.id],
  ];

  it.each(scopes())('every figure of %s equals independent SQL', async (_label, scopeOf) => {
    const scope = scopeOf();
    const f = await service.figures(hr.actor, YEAR, scope);
    const staff = await expectedStaff(scope);
    const ideas = await expectedIdeas(scope);
    const counts = await expectedCounts(scope);

    expect(f.headcount).toBe(staff.headcount);
    if (f.contributors !== null) expect(f.contributors).toBe(staff.contributors);
    if (f.participationRate !== null)
      expect(f.participationRate).toBe(participationRate(staff.contributors, staff.headcount));
    expect(f.ideasSubmitted).toBe(ideas.submitted);
    expect(f.ideasPer100Staff).toBe(ideasPer100Staff(ideas.submitted, staff.headcount));
    expect(f.funnel).toEqual(ideas.funnel);
    expect(f.timeToFirstAnswer.count).toBe(ideas.answer.count);
    expect(f.timeToDecision.count).toBe(ideas.decision.count);
    for (const [got, want] of [
      [f.timeToFirstAnswer, ideas.answer],
      [f.timeToDecision, ideas.decision],
    ] as const) {
      if (want.count >= 5) expect(got).toEqual(want);
      else expect([got.medianDays, got.p90Days]).toEqual([null, null]);
    }
    expect(f.answeredWithinGuarantee).toMatchObject({
      guaranteeDays: 30,
      judged: ideas.guarantee.judged,
      within: ideas.guarantee.within,
    });
    if (ideas.guarantee.judged >= 5) expect(f.answeredWithinGuarantee.percent).toBe(ideas.guarantee.percent);
    expect(f.experiments).toEqual({
      running: counts.running,
      validated: counts.validated,
      stopped: 0,
      total: counts.running + counts.validated,
    });
    expect(f.implementedIdeas).toBe(counts.implemented);
    expect(f.replications).toBe(counts.replications);
    // People per form: each published figure is the SQL's, each withheld one is null, and every
    // figure of 1 to 4 people is withheld (which others are withheld with them is the joint
    // suppression of the units × forms tables: annual-figures-drill-down.int-spec.ts).
    const people = RECOGNITION_FORMS.map((form) => counts.byForm.find((r) => r.form === form)?.people ?? 0);
    const total = people.reduce((a, b) => a + b, 0);
    [...people, total].forEach((want, i) => {
      const got = i < people.length ? f.peopleRecognised.byForm[i]!.people : f.peopleRecognised.total;
      if (want > 0 && want < 5) expect({ i, got }).toEqual({ i, got: null });
      else expect({ i, got: got === null ? want : got }).toEqual({ i, got: want });
    });
    expect(f.impact).toEqual([]);
  });

  it('counts the year as built: cohort, funnel, times, guarantee, experiments, replications', async () => {
    const f = await service.figures(hr.actor, YEAR, null);
    expect(f.period).toEqual({ from: FROM.toISOString(), cutoff: CUTOFF.toISOString(), complete: true });
    expect(f.headcount).toBe(12 + 8 + 6);
    expect(f.contributors).toBe(9);
    expect(f.participationRate).toBe(34.6);
    expect(f.ideasSubmitted).toBe(11);
    expect(f.funnel.map((r) => r.count)).toEqual([11, 6, 5, 5, 3, 2, 1]);
    expect(f.timeToFirstAnswer).toEqual({ count: 7, medianDays: 4, p90Days: 42 });
    // Decisions after 29, 31, 40, 40 and 72 days: the median is the 3rd, the 90th percentile the 5th.
    expect(f.timeToDecision).toEqual({ count: 5, medianDays: 40, p90Days: 72 });
    // Judged: the 7 answered and the 2 never answered past their 30 days; within: all but the 42-day one.
    expect(f.answeredWithinGuarantee).toEqual({ guaranteeDays: 30, judged: 9, within: 6, percent: 66.7 });
    expect(f.experiments).toEqual({ running: 1, validated: 1, stopped: 0, total: 2 });
    expect(f.implementedIdeas).toBe(2);
    expect(f.replications).toBe(1);
    expect(f.charterInputs).toEqual({
      peopleTrained: 40,
      communicationActions: 3,
      celebrationsHeld: null,
      budget: null,
    });
    expect(f.yearOnYear.find((y) => y.figure === 'ideas_submitted')).toEqual({
      figure: 'ideas_submitted',
      current: 11,
      previous: 1,
      change: 10,
      changePercent: 1000,
    });
  });

  it('withholds a unit with fewer than 5 contributors, and every cell a total would give it away by', async () => {
    const f = await service.figures(hr.actor, YEAR, root.id);
    const row = (u: OrgUnit) => f.participationByUnit.find((r) => r.unit?.id === u.id)!;
    expect(row(unitB)).toMatchObject({ contributors: null, participationRate: null });
    // The scope's total is published: B would be total − A if A's count were shown, so A's is hidden too.
    expect(f.contributors).toBe(9);
    expect(row(unitA).contributors).toBeNull();
    const shown = f.participationByUnit.map((r) => r.contributors).filter((c): c is number => c !== null);
    expect(f.participationByUnit.filter((r) => r.contributors === null).length).not.toBe(1);
    expect(shown.every((c) => c === 0 || c >= 5)).toBe(true);
    // No published count of recognised people covers 1 to 4 people.
    const cells = [...f.peopleRecognised.byForm.map((r) => r.people), f.peopleRecognised.total];
    expect(cells.every((c) => c === null || c === 0 || c >= 5)).toBe(true);
    expect(f.peopleRecognised.byForm.find((r) => r.form === 'career_evidence')?.people).toBeNull();
  });

  it('gives an honest empty report for a year without data', async () => {
    const f: AnnualFiguresDto = await service.figures(hr.actor, 2003, null);
    expect(f).toMatchObject({
      headcount: 0,
      contributors: 0,
      participationRate: null,
      participationByUnit: [],
      ideasSubmitted: 0,
      ideasPer100Staff: null,
      timeToFirstAnswer: { count: 0, medianDays: null, p90Days: null },
      answeredWithinGuarantee: { judged: 0, within: 0, percent: null },
      experiments: { running: 0, validated: 0, stopped: 0, total: 0 },
      implementedIdeas: 0,
      replications: 0,
      peopleRecognised: { total: 0 },
      charterInputs: null,
      impact: [],
    });
    expect(f.funnel.every((r) => r.count === 0 && r.conversion === null)).toBe(true);
    expect(f.yearOnYear.find((y) => y.figure === 'participation_rate')).toMatchObject({ change: null });
  });

  it('lets a network lead read their unit only, refuses the rest, and names a bad field', async () => {
    await expect(service.figures(lead.actor, YEAR, unitA.id)).resolves.toMatchObject({ scope: { id: unitA.id } });
    expect(await refusal(service.figures(lead.actor, YEAR, unitB.id))).toEqual({
      code: 'out_of_scope',
      fields: [],
    });
    expect(await refusal(service.figures(lead.actor, YEAR, null))).toEqual({ code: 'out_of_scope', fields: [] });
    expect(await refusal(service.figures(employee.actor, YEAR, null))).toEqual({
      code: 'role_required',
      fields: [],
    });
    expect(await refusal(service.figures(hr.actor, YEAR, '00000000-0000-4000-8000-000000000000'))).toEqual({
      code: 'validation_failed',
      fields: ['orgUnitId'],
    });
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(await refusal(service.figures(hr.actor, nextYear, null))).toEqual({
      code: 'validation_failed',
      fields: ['year'],
    });
  });
});
