import 'reflect-metadata';
import {
  Conflict,
  expectedProgress,
  Forbidden,
  projectProgress,
  projectStatus,
  ValidationFailed,
} from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import {
  makeIdea,
  makeMilestone,
  makePerson,
  makeProject,
  makeTeamMember,
  makeUnit,
  type TestPerson,
} from '../../../../../test/harness';
import { dayDate, toDomainMilestone } from './project-figures';
import { GoLiveService } from './go-live.service';
import { MilestoneCommandsService } from './milestone-commands.service';
import { ProjectCommandsService } from './project-commands.service';
import { RealisationModule } from '../realisation.module';
import { ProjectQueriesService } from './project-queries.service';
import { ProjectRepository } from './project.repository';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The implementation project against real PostgreSQL: figures from the domain, version checks, go-live. */
describe('implementation project (service, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let queries: ProjectQueriesService;
  let commands: ProjectCommandsService;
  let milestones: MilestoneCommandsService;
  let goLive: GoLiveService;
  let unit: OrgUnit;
  let author: TestPerson;
  let owner: TestPerson;
  let network: TestPerson;
  let outsider: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'project', imports: [RealisationModule] });
    queries = ctx.get(ProjectQueriesService);
    commands = ctx.get(ProjectCommandsService);
    milestones = ctx.get(MilestoneCommandsService);
    goLive = ctx.get(GoLiveService);
    const direction = await makeUnit(ctx.ds);
    unit = await makeUnit(ctx.ds, { parent: direction });
    author = await makePerson(ctx.ds, { unit, password: null });
    owner = await makePerson(ctx.ds, { unit, password: null });
    network = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: direction }], password: null });
    outsider = await makePerson(ctx.ds, { unit: await makeUnit(ctx.ds), password: null });
  });

  afterAll(() => ctx?.close());

  const implementing = (anonymous = false) =>
    makeIdea(ctx.ds, { authors: [author.person], unit, status: 'implement', kind: 'solution', anonymous });

  it('shows "owner to be named" until the network names one, then starts the project', async () => {
    const idea = await implementing();
    const before = await queries.view(network.actor, idea.id);
    expect(before).toMatchObject({ project: null, canAssignOwner: true });
    expect((await queries.view(author.actor, idea.id)).canAssignOwner).toBe(false);

    await commands.create(network.actor, idea.id, {
      ownerId: owner.person.id,
      startsOn: day(-10),
      budgetPlanned: 1000.5,
    });

    const view = await queries.view(owner.actor, idea.id);
    expect(view.project).toMatchObject({ owner: { id: owner.person.id }, startsOn: day(-10), progress: 0 });
    expect(view.project?.budget.planned).toBe(1000.5);
    expect(view).toMatchObject({ canManage: true, canGoLive: true });
    await expect(commands.create(network.actor, idea.id, { ownerId: owner.person.id })).rejects.toMatchObject({
      code: 'project_exists',
    });
    const [event] = await ctx.ds.query(
      `SELECT type, data FROM idea_event WHERE idea_id = $1 AND type = 'project_owner_named'`,
      [idea.id],
    );
    expect(event.data).toMatchObject({ ownerId: owner.person.id });
  });

  it('refuses to name an owner outside the network’s scope, and an unknown person', async () => {
    const idea = await implementing();
    await expect(commands.create(outsider.actor, idea.id, { ownerId: owner.person.id })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(
      commands.create(network.actor, idea.id, { ownerId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('computes progress, expected progress and status exactly as the domain does', async () => {
    const idea = await implementing();
    const project = await makeProject(ctx.ds, { idea, owner: owner.person, startsOn: day(-40) });
    await makeMilestone(ctx.ds, { project, weight: 30, dueOn: day(-20) });
    await makeMilestone(ctx.ds, { project, weight: 50, dueOn: day(10) });
    await makeMilestone(ctx.ds, { project, weight: 20, dueOn: day(40) });
    const [first, second] = await ctx.get(ProjectRepository).milestones(project.id);
    await milestones.update(owner.actor, idea.id, first!.id, { version: first!.version, status: 'done' });
    await milestones.update(owner.actor, idea.id, second!.id, { version: second!.version, progress: 40 });

    const now = new Date();
    const view = await queries.view(owner.actor, idea.id, now);
    const stored = (await ctx.get(ProjectRepository).milestones(project.id)).map(toDomainMilestone);
    expect(view.project?.progress).toBe(projectProgress(stored));
    expect(view.project?.progress).toBe(Math.floor((30 * 100 + 50 * 40) / 100));
    expect(view.project?.expected).toBe(expectedProgress(stored, dayDate(day(-40)), now));
    expect(view.project?.status).toBe(projectStatus(stored, dayDate(day(-40)), now));
    // The idea's timeline tells the milestone done, once (a progress change is no step).
    const steps = await ctx.ds.query(
      `SELECT type, public, data FROM idea_event WHERE idea_id = $1 AND type = 'milestone_done'`,
      [idea.id],
    );
    expect(steps).toEqual([
      { type: 'milestone_done', public: false, data: { projectId: project.id, milestoneId: first!.id } },
    ]);
  });

  it('says late when a milestone’s due day has ended and it is still open', async () => {
    const idea = await implementing();
    const project = await makeProject(ctx.ds, { idea, owner: owner.person, startsOn: day(-30) });
    await makeMilestone(ctx.ds, { project, dueOn: day(-1) });
    const view = await queries.view(owner.actor, idea.id);
    expect(view.project?.status).toBe('late');
    expect(view.project?.milestones[0]?.late).toBe(true);
  });

  it('refuses the second of two concurrent edits of one milestone version with 409 stale_version', async () => {
    const idea = await implementing();
    const project = await makeProject(ctx.ds, { idea, owner: owner.person });
    const m = await makeMilestone(ctx.ds, { project });
    const results = await Promise.allSettled([
      milestones.update(owner.actor, idea.id, m.id, { version: m.version, progress: 30 }),
      milestones.update(network.actor, idea.id, m.id, { version: m.version, title: 'Renamed' }),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'stale_version' });
    const [after] = await ctx.get(ProjectRepository).milestones(project.id);
    expect(after!.version).toBe(m.version + 1);
    // Exactly one change landed, never a blend of both.
    expect(after!.progress === 30 ? after!.title : after!.progress).toBe(after!.progress === 30 ? m.title : 0);
  });

  it('refuses a milestone with a weight out of range, a due day before the start, a drop without reason', async () => {
    const idea = await implementing();
    const project = await makeProject(ctx.ds, { idea, owner: owner.person, startsOn: day(0) });
    await expect(
      milestones.create(owner.actor, idea.id, { title: 'x', weight: 1, dueOn: day(-5) }),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'dueOn', code: 'before_start' })],
    });
    const m = await makeMilestone(ctx.ds, { project });
    await expect(
      milestones.update(owner.actor, idea.id, m.id, { version: m.version, status: 'dropped' }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'dropReason' })] });
    await expect(
      milestones.create(outsider.actor, idea.id, { title: 'x', weight: 1, dueOn: day(1) }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses go-live until every milestone is done or dropped with a reason, then stamps it', async () => {
    const idea = await implementing();
    const project = await makeProject(ctx.ds, { idea, owner: owner.person });
    const a = await makeMilestone(ctx.ds, { project });
    const b = await makeMilestone(ctx.ds, { project });
    await milestones.update(owner.actor, idea.id, a.id, { version: a.version, status: 'done' });

    const refusal = await goLive.complete(owner.actor, idea.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Conflict);
    expect(refusal).toMatchObject({ code: 'implementation_incomplete' });
    expect((await ctx.ds.query(`SELECT status FROM idea WHERE id = $1`, [idea.id]))[0].status).toBe('implement');

    await milestones.update(owner.actor, idea.id, b.id, {
      version: b.version,
      status: 'dropped',
      dropReason: 'Not needed',
    });
    const dto = await goLive.complete(owner.actor, idea.id);
    expect(dto.status).toBe('follow_up');
    const [row] = await ctx.ds.query(`SELECT go_live_at, completed_at FROM implementation_project WHERE id = $1`, [
      project.id,
    ]);
    expect(row.go_live_at).not.toBeNull();
    expect(row.completed_at).not.toBeNull();
    await expect(
      milestones.create(owner.actor, idea.id, { title: 'late', weight: 1, dueOn: day(1) }),
    ).rejects.toMatchObject({
      code: 'project_not_open',
    });
  });

  it('keeps an anonymous author in the team as "an author" to everyone else', async () => {
    const idea = await implementing(true);
    await makeTeamMember(ctx.ds, { idea, person: author.person, role: 'lead', isAuthor: true });
    await makeTeamMember(ctx.ds, { idea, person: owner.person });
    await makeProject(ctx.ds, { idea, owner: owner.person });
    await commands.addUpdate(author.actor, idea.id, { bodyHtml: '<p>Week 1 <script>x</script></p>' });

    const seen = await queries.view(network.actor, idea.id);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(author.person.id);
    expect(text).not.toContain(author.person.familyName);
    expect(seen.project?.team.find((m) => m.role === 'lead')?.person).toBeNull();
    expect(seen.project?.updates[0]).toMatchObject({ author: null, bodyHtml: '<p>Week 1 </p>' });
    const own = await queries.view(author.actor, idea.id);
    expect(own.project?.team.find((m) => m.role === 'lead')?.person?.id).toBe(author.person.id);
  });
});
