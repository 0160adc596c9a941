import 'reflect-metadata';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '@eclore/domain';
import { AuditEvent, type OrgUnit } from '@eclore/server-identity';
import { IdeaEvent, type Idea } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { identityMarkers, makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../../test/harness';
import { makeProject, makeTeamMember } from '../../../../../test/harness/realisation';
import { ImplementationProject } from '../entities';
import { RealisationModule } from '../realisation.module';
import { ImpactCommandsService } from './impact-commands.service';
import { ImpactQueriesService } from './impact-queries.service';

/**
 * Impact without HTTP, on real PostgreSQL: the bounds per category, the measurement rules, who records
 * and who validates (a network member in scope, never the recorder), the actual-value rule, who sees
 * unvalidated figures, and that an anonymous author in the team is never named.
 */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const HOURS = {
  category: 'staff_hours_saved',
  label: 'Hours saved',
  unit: 'h/year',
  projectedValue: 1200,
  projectedOn: day(200),
} as const;

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ValidationFailed);
  return (e as ValidationFailed).fields.map((f) => `${f.field}:${f.code}`);
}

describe('impact (service, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let commands: ImpactCommandsService;
  let queries: ImpactQueriesService;
  let unit: OrgUnit;
  let owner: TestPerson;
  let teamMember: TestPerson;
  let anonymousAuthor: TestPerson;
  let network: TestPerson;
  let network2: TestPerson;
  let outsider: TestPerson;
  let employee: TestPerson;
  let idea: Idea;
  let project: ImplementationProject;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'impact', imports: [RealisationModule] });
    commands = ctx.get(ImpactCommandsService);
    queries = ctx.get(ImpactQueriesService);
    const direction = await makeUnit(ctx.ds);
    unit = await makeUnit(ctx.ds, { parent: direction });
    owner = await makePerson(ctx.ds, { unit, password: null });
    teamMember = await makePerson(ctx.ds, { unit, password: null });
    anonymousAuthor = await makePerson(ctx.ds, { unit, password: null, givenName: 'Hidden', familyName: 'Authoress' });
    network = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: direction }], password: null });
    network2 = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: direction }], password: null });
    outsider = await makePerson(ctx.ds, {
      roles: [{ role: 'network_member', unit: await makeUnit(ctx.ds) }],
      password: null,
    });
    employee = await makePerson(ctx.ds, { password: null });
    idea = await makeIdea(ctx.ds, { authors: [anonymousAuthor.person], anonymous: true, unit, status: 'follow_up' });
    await makeTeamMember(ctx.ds, { idea, person: anonymousAuthor.person, role: 'lead', isAuthor: true });
    await makeTeamMember(ctx.ds, { idea, person: teamMember.person });
    project = await makeProject(ctx.ds, { idea, owner: owner.person });
  });

  afterAll(() => ctx?.close());

  it('refuses projected values outside the category’s bounds, naming the field', async () => {
    expect(
      await problemsOf(commands.createIndicator(owner.actor, project.id, { ...HOURS, projectedValue: 1e18 })),
    ).toEqual(['projectedValue:out_of_range']);
    expect(
      await problemsOf(
        commands.createIndicator(owner.actor, project.id, { ...HOURS, category: 'money_saved', projectedValue: -1 }),
      ),
    ).toEqual(['projectedValue:out_of_range']);
    expect(
      await problemsOf(commands.createIndicator(owner.actor, project.id, { ...HOURS, projectedOn: '2026-02-30' })),
    ).toEqual(['projectedOn:invalid_date']);
    expect(await problemsOf(commands.createIndicator(owner.actor, project.id, { ...HOURS, label: '   ' }))).toEqual([
      'label:required',
    ]);
    // Satisfaction may fall: a negative change is a figure, not an error.
    await expect(
      commands.createIndicator(owner.actor, project.id, { ...HOURS, category: 'satisfaction', projectedValue: -5 }),
    ).resolves.toEqual(expect.any(String));
  });

  it('lets the owner, the team and the network in scope record; refuses others', async () => {
    for (const who of [owner, teamMember, network])
      await expect(commands.createIndicator(who.actor, project.id, HOURS)).resolves.toEqual(expect.any(String));
    await expect(commands.createIndicator(outsider.actor, project.id, HOURS)).rejects.toMatchObject({
      code: 'not_idea_team',
    });
    await expect(commands.createIndicator(employee.actor, project.id, HOURS)).rejects.toBeInstanceOf(Forbidden);
  });

  it('checks measurements: bounds, no future date, not before go-live, a source', async () => {
    const id = await commands.createIndicator(owner.actor, project.id, HOURS);
    const ok = { value: 100, measuredOn: day(-1), source: 'Time sheets', confidence: 'measured' } as const;
    expect(await problemsOf(commands.recordMeasurement(owner.actor, id, { ...ok, value: 1e18 }))).toEqual([
      'value:out_of_range',
    ]);
    expect(await problemsOf(commands.recordMeasurement(owner.actor, id, { ...ok, measuredOn: day(3) }))).toEqual([
      'measuredOn:must_not_be_future',
    ]);
    expect(await problemsOf(commands.recordMeasurement(owner.actor, id, { ...ok, source: ' ' }))).toEqual([
      'source:required',
    ]);
    await ctx.ds.manager.update(
      ImplementationProject,
      { id: project.id },
      { goLiveAt: new Date(Date.now() - 5 * 86_400_000) },
    );
    expect(await problemsOf(commands.recordMeasurement(owner.actor, id, { ...ok, measuredOn: day(-10) }))).toEqual([
      'measuredOn:before_go_live',
    ]);
    // The go-live day itself is a valid measurement day.
    await expect(commands.recordMeasurement(owner.actor, id, { ...ok, measuredOn: day(-5) })).resolves.toEqual(
      expect.any(String),
    );
    await expect(commands.recordMeasurement(employee.actor, id, ok)).rejects.toBeInstanceOf(Forbidden);
  });

  it('validates by a network member in scope who did not record it; the actual value is the latest validated', async () => {
    const id = await commands.createIndicator(owner.actor, project.id, HOURS);
    const older = await commands.recordMeasurement(network.actor, id, {
      value: 100,
      measuredOn: day(-3),
      source: 'Survey',
      confidence: 'estimated',
    });
    const newer = await commands.recordMeasurement(owner.actor, id, {
      value: 250,
      measuredOn: day(-1),
      source: 'Time sheets',
      confidence: 'measured',
    });

    await expect(commands.validate(network.actor, older)).rejects.toMatchObject({ code: 'own_measurement' });
    await expect(commands.validate(outsider.actor, newer)).rejects.toMatchObject({ code: 'out_of_scope' });
    await expect(commands.validate(owner.actor, newer)).rejects.toMatchObject({ code: 'role_required' });

    // Nothing validated: no actual value; the reader sees nothing unvalidated.
    const before = await queries.ideaImpact(employee.actor, idea.id);
    const ofId = (v: typeof before) => v.projects[0]!.indicators.find((i) => i.id === id)!;
    expect(ofId(before)).toMatchObject({ actual: null, measurements: [] });
    expect(before.seesUnvalidated).toBe(false);

    await commands.validate(network2.actor, older);
    expect(ofId(await queries.ideaImpact(employee.actor, idea.id)).actual).toMatchObject({ value: 100 });
    await commands.validate(network.actor, newer);
    await expect(commands.validate(network2.actor, newer)).rejects.toBeInstanceOf(Conflict);

    const after = await queries.ideaImpact(owner.actor, idea.id);
    expect(ofId(after).actual).toMatchObject({ value: 250, confidence: 'measured', validated: true });
    expect(after.seesUnvalidated).toBe(true);
    const line = after.totals.find((t) => t.category === 'staff_hours_saved')!;
    expect(line.measuredCount).toBeGreaterThanOrEqual(1);
  });

  it('shows unvalidated measurements to the owner, the team and the network only', async () => {
    const id = await commands.createIndicator(owner.actor, project.id, HOURS);
    await commands.recordMeasurement(owner.actor, id, {
      value: 10,
      measuredOn: day(-1),
      source: 'Count',
      confidence: 'estimated',
    });
    const count = async (who: TestPerson) =>
      (await queries.ideaImpact(who.actor, idea.id)).projects[0]!.indicators.find((i) => i.id === id)!.measurements
        .length;
    expect(await count(teamMember)).toBe(1);
    expect(await count(network)).toBe(1);
    expect(await count(employee)).toBe(0);
  });

  it('keeps an edit from being lost: a stale version is refused, a measured indicator stays', async () => {
    const id = await commands.createIndicator(owner.actor, project.id, HOURS);
    await commands.updateIndicator(owner.actor, id, { ...HOURS, label: 'First', version: 1 });
    await expect(
      commands.updateIndicator(teamMember.actor, id, { ...HOURS, label: 'Second', version: 1 }),
    ).rejects.toMatchObject({
      code: 'stale_version',
    });
    await commands.recordMeasurement(owner.actor, id, {
      value: 10,
      measuredOn: day(-1),
      source: 'Count',
      confidence: 'estimated',
    });
    await expect(commands.deleteIndicator(owner.actor, id)).rejects.toMatchObject({
      code: 'indicator_has_measurements',
    });
    await expect(
      commands.updateIndicator(owner.actor, id, { ...HOURS, category: 'other', version: 2 }),
    ).rejects.toMatchObject({ code: 'indicator_has_measurements' });
    const empty = await commands.createIndicator(owner.actor, project.id, HOURS);
    await commands.deleteIndicator(owner.actor, empty);
    await expect(commands.deleteIndicator(owner.actor, empty)).rejects.toBeInstanceOf(NotFound);
  });

  it('never names the anonymous author in events, audit entries or the idea’s impact', async () => {
    const id = await commands.createIndicator(anonymousAuthor.actor, project.id, HOURS);
    const measured = await commands.recordMeasurement(anonymousAuthor.actor, id, {
      value: 5,
      measuredOn: day(-1),
      source: 'Count',
      confidence: 'measured',
    });
    await commands.validate(network.actor, measured);
    const audit = await ctx.ds.getRepository(AuditEvent).findBy({ subjectId: idea.id });
    const events = await ctx.ds.getRepository(IdeaEvent).findBy({ ideaId: idea.id });
    const impact = await queries.ideaImpact(network.actor, idea.id);
    const markers = identityMarkers(anonymousAuthor.person);
    const recorded = events.filter((e) => e.type === 'impact.measurement_recorded');
    expect(recorded.length).toBeGreaterThan(0);
    for (const e of recorded) expect(JSON.stringify(e.data)).not.toContain(anonymousAuthor.person.id);
    for (const text of [JSON.stringify(audit), JSON.stringify(impact)])
      for (const marker of markers) expect(text).not.toContain(marker);
    // The author's own acts are audited under a pseudonym, and the validation asked the network in scope.
    expect(audit.filter((a) => a.actorId === null && a.actorPseudonym !== null).length).toBeGreaterThan(0);
    expect(recorded.at(-1)!.data['validatorIds']).toEqual(
      expect.arrayContaining([network.person.id, network2.person.id]),
    );
    const validated = events.find(
      (e) => e.type === 'impact.measurement_validated' && e.data['measurementId'] === measured,
    )!;
    expect(validated.public).toBe(true);
    expect(validated.data['recipientIds']).toEqual(expect.arrayContaining([owner.person.id, teamMember.person.id]));
  });

  it('answers 404 for a project or indicator of an idea the person cannot read', async () => {
    const draft = await makeIdea(ctx.ds, { authors: [owner.person], unit, status: 'emerge' });
    const hidden = await makeProject(ctx.ds, { idea: draft, owner: owner.person });
    await expect(commands.createIndicator(employee.actor, hidden.id, HOURS)).rejects.toBeInstanceOf(NotFound);
    await expect(queries.ideaImpact(employee.actor, draft.id)).rejects.toBeInstanceOf(NotFound);
  });
});
