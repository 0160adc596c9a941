import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Conflict, Forbidden, ValidationFailed } from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { IdeaAccess, IdeaAttachment, IdeaQueries, type Idea } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../../test/harness';
import { REALISATION_CLOCK } from './clock';
import { ExperimentCommands } from './experiment-commands.service';
import type { CreateExperimentInput } from './experiment.dto';
import { RealisationModule } from '../realisation.module';
import { ExperimentQueries } from './experiment-queries.service';
import { validatedExperimentOf } from './experiment.reads';
import { ExperimentReminders, reminderJobId } from './experiment-reminders.service';
import { LogBookService } from './log-book.service';
import { TeamCommands, TeamQueries } from '../team';

/** The test clock: real time plus what a test adds (the 24-hour window, reminder delays). */
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

@Global()
@Module({ providers: [{ provide: REALISATION_CLOCK, useValue: clock }], exports: [REALISATION_CLOCK] })
class TestClockModule {}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const protocol = (over: Partial<CreateExperimentInput> = {}): CreateExperimentInput => ({
  whatIsTried: 'A shared calendar at the counters',
  whereTried: 'North office',
  withWhom: 'Two counter agents',
  startsOn: day(-10),
  endsOn: day(20),
  measures: [{ label: 'Double bookings per week', unit: 'bookings', target: 2 }],
  hypothesis: { change: 'a shared calendar', audience: 'counter agents', expectedResult: 'halve double bookings' },
  ...over,
});

/**
 * The experiment against real PostgreSQL and Redis: who writes, bad input naming the field, the log
 * book's order and 24-hour window, an anonymous writer never named, the three outcomes, and the
 * end-date reminder jobs (scheduled, moved, cancelled, re-checked when they fire).
 */
describe('experiment and log book (service, real PostgreSQL and Redis)', () => {
  let ctx: ServiceTestContext;
  let queries: ExperimentQueries;
  let commands: ExperimentCommands;
  let logBook: LogBookService;
  let reminders: ExperimentReminders;
  let queue: Queue;
  let ideas: IdeaAccess;
  let unit: OrgUnit;
  let committee: TestPerson;
  let network: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({
      label: 'realisation_experiment_r1',
      // The whole context: its module teaches the idea loader who is in the team (the `stop` transition).
      imports: [TestClockModule, RealisationModule],
    });
    queries = ctx.get(ExperimentQueries);
    commands = ctx.get(ExperimentCommands);
    logBook = ctx.get(LogBookService);
    reminders = ctx.get(ExperimentReminders);
    queue = ctx.module.get<Queue>(getQueueToken('realisation'), { strict: false });
    ideas = ctx.get(IdeaAccess);
    unit = await makeUnit(ctx.ds);
    committee = await makePerson(ctx.ds, { roles: ['committee_member'], password: null });
    network = await makePerson(ctx.ds, { roles: ['network_member'], password: null });
  });

  afterEach(() => {
    clock.offsetMs = 0;
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await ctx?.close();
  });

  const person = () => makePerson(ctx.ds, { unit, password: null });
  async function prototypeIdea(authors: TestPerson[], anonymous = false): Promise<Idea> {
    const idea = await makeIdea(ctx.ds, { authors: authors.map((a) => a.person), unit, status: 'decide', anonymous });
    await ideas.runCommand(committee.actor, idea.id, { type: 'decide_prototype', rationale: 'Try it.' });
    return idea;
  }
  async function attachment(idea: Idea, by: TestPerson): Promise<string> {
    const row = await ctx.ds.manager.insert(IdeaAttachment, {
      ideaId: idea.id,
      storageKey: `test/${idea.id}/${Date.now()}`,
      fileName: 'counter.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 1234,
      uploadedBy: by.person.id,
    });
    return String(row.identifiers[0]!['id']);
  }

  it('is set up by the team, with bad input refused by field', async () => {
    const [lead, outsider] = [await person(), await person()];
    const idea = await prototypeIdea([lead]);

    await expect(commands.create(outsider.actor, idea.id, protocol())).rejects.toThrow(Forbidden);
    await expect(commands.create(lead.actor, idea.id, protocol({ endsOn: day(-20) }))).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'endsOn', code: 'before_start' })],
    });
    await expect(
      commands.create(lead.actor, idea.id, protocol({ measures: [{ label: 'Hours', unit: 'h', target: 1e18 }] })),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'measures.0.target' })] });

    const view = await commands.create(lead.actor, idea.id, protocol());
    expect(view.viewer).toEqual({ canWrite: true, canRecordOutcome: true });
    expect(view.experiment).toMatchObject({
      status: 'running',
      hypotheses: [expect.objectContaining({ version: 1, current: true, change: 'a shared calendar' })],
      measures: [{ label: 'Double bookings per week', unit: 'bookings', target: 2 }],
      logEntries: [],
    });
    await expect(commands.create(lead.actor, idea.id, protocol())).rejects.toMatchObject({ code: 'experiment_exists' });
    const stale = { ...protocol(), version: view.experiment!.version + 5 };
    await expect(commands.update(lead.actor, idea.id, stale)).rejects.toMatchObject({ code: 'stale_version' });
  });

  it('keeps the log book in order, sanitised, with the idea’s own attachments, correctable for 24 hours by its writer', async () => {
    const [lead, member] = [await person(), await person()];
    const idea = await prototypeIdea([lead, member]);
    const other = await prototypeIdea([await person()]);
    await commands.create(lead.actor, idea.id, protocol());
    const photo = await attachment(idea, lead);
    const foreign = await attachment(other, lead);

    await expect(
      logBook.add(lead.actor, idea.id, { bodyHtml: '<p>Tomorrow</p>', occurredOn: day(2) }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'occurredOn', code: 'must_not_be_future' })] });
    await expect(
      logBook.add(lead.actor, idea.id, { bodyHtml: '<p>Too early</p>', occurredOn: day(-30) }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'occurredOn', code: 'before_experiment' })] });
    await expect(
      logBook.add(lead.actor, idea.id, { bodyHtml: '<script>x()</script>', occurredOn: day(-1) }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'bodyHtml', code: 'required' })] });
    await expect(
      logBook.add(lead.actor, idea.id, { bodyHtml: '<p>x</p>', occurredOn: day(-1), attachmentIds: [foreign] }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'attachmentIds.0' })] });

    await logBook.add(lead.actor, idea.id, {
      bodyHtml: '<p>Second day<script>alert(1)</script></p>',
      occurredOn: day(-2),
      attachmentIds: [photo],
    });
    const view = await logBook.add(member.actor, idea.id, { bodyHtml: '<p>First day</p>', occurredOn: day(-5) });
    const entries = view.experiment!.logEntries;
    expect(entries.map((e) => e.occurredOn)).toEqual([day(-5), day(-2)]);
    expect(entries[1]!.bodyHtml).not.toContain('script');
    expect(entries[1]!.attachments).toEqual([{ id: photo, fileName: 'counter.jpg', contentType: 'image/jpeg' }]);
    expect(entries.map((e) => e.hypothesisVersion)).toEqual([1, 1]);

    const mine = entries[1]!;
    await expect(
      logBook.edit(member.actor, idea.id, mine.id, { bodyHtml: '<p>Not mine</p>', occurredOn: day(-2) }),
    ).rejects.toMatchObject({ code: 'not_log_entry_writer' });
    const edited = await logBook.edit(lead.actor, idea.id, mine.id, {
      bodyHtml: '<p>Second day, fixed</p>',
      occurredOn: day(-2),
    });
    expect(edited.experiment!.logEntries[1]).toMatchObject({ bodyHtml: '<p>Second day, fixed</p>', attachments: [] });

    clock.offsetMs = 25 * 3_600_000;
    await expect(
      logBook.edit(lead.actor, idea.id, mine.id, { bodyHtml: '<p>Too late</p>', occurredOn: day(-2) }),
    ).rejects.toThrow(Conflict);
    expect((await queries.view(lead.actor, idea.id)).experiment!.logEntries.every((e) => !e.canEdit)).toBe(true);
  });

  it('never names an anonymous author who writes in the log book to the rest of the team', async () => {
    const [anon, colleague] = [await person(), await person()];
    const idea = await prototypeIdea([anon], true);
    // The anonymous author joins through their invitation; the network adds a colleague.
    const [own] = await ctx.ds.query(`SELECT id FROM idea_team_invitation WHERE idea_id = $1`, [idea.id]);
    await ctx.ds.query(`UPDATE idea_team_invitation SET status = 'accepted', answered_at = now() WHERE id = $1`, [
      own.id,
    ]);
    await ctx.ds.query(
      `INSERT INTO idea_team_member (idea_id, person_id, role, is_author) VALUES ($1, $2, 'lead', true), ($1, $3, 'member', false)`,
      [idea.id, anon.person.id, colleague.person.id],
    );
    await commands.create(anon.actor, idea.id, protocol());
    await logBook.add(anon.actor, idea.id, { bodyHtml: '<p>Seen at the counter</p>', occurredOn: day(-1) });

    for (const viewer of [colleague, network]) {
      const view = await queries.view(viewer.actor, idea.id);
      expect(view.experiment!.logEntries[0]!.writer).toEqual({ kind: 'anonymous_author', person: null, isMe: false });
      const text = JSON.stringify(view);
      expect(text).not.toContain(anon.person.id);
      expect(text).not.toContain(anon.person.familyName);
    }
    expect((await queries.view(anon.actor, idea.id)).experiment!.logEntries[0]!.writer.isMe).toBe(true);
  });

  it('tells its story on the idea’s timeline; an anonymous author’s acts read “the author”, the log’s content stays out', async () => {
    const [anon, colleague, outsider] = [await person(), await person(), await person()];
    const idea = await prototypeIdea([anon], true);
    // The anonymous author joins through their own invitation; the network invites a colleague.
    const team = ctx.get(TeamCommands);
    const [own] = (await ctx.get(TeamQueries).myInvitations(anon.actor)).items;
    await team.answer(anon.actor, own!.id, true);
    const invited = await team.invite(network.actor, idea.id, colleague.person.id);
    await team.answer(colleague.actor, invited.pendingInvitations[0]!.id, true);
    await commands.create(anon.actor, idea.id, protocol());
    await logBook.add(anon.actor, idea.id, { bodyHtml: '<p>Secret counter notes</p>', occurredOn: day(-2) });
    await logBook.add(colleague.actor, idea.id, { bodyHtml: '<p>Second day</p>', occurredOn: day(-1) });
    await commands.recordOutcome(anon.actor, idea.id, {
      outcome: 'pivot',
      reason: 'Agents prefer paper',
      newHypothesis: { change: 'a paper board', audience: 'counter agents', expectedResult: 'halve double bookings' },
    });
    await commands.recordOutcome(anon.actor, idea.id, { outcome: 'validated', learnings: 'Paper wins.' });

    const timelines = ctx.get(IdeaQueries);
    const full = await timelines.timeline(network.actor, idea.id);
    const story = full.events.filter((e) => e.type !== 'team_invited');
    expect(story.map((e) => [e.type, e.actor.kind, e.text])).toEqual([
      ['decide_prototype', 'person', 'Try it.'],
      ['team_formed', 'system', null],
      ['team_member_joined', 'author', null],
      ['team_member_joined', 'person', null],
      ['hypothesis_set', 'author', null],
      ['log_entry_written', 'author', null],
      ['log_entry_written', 'person', null],
      ['experiment_pivot', 'author', 'Agents prefer paper'],
      ['experiment_validated', 'author', 'Paper wins.'],
    ]);
    // The invitation's answer is a notification; the join tells it (no raw "accepted" on the timeline).
    expect(full.events.map((e) => e.type)).not.toContain('team_invitation_answered');
    // Anyone who reads the idea sees the public steps: the hypothesis, the log's count, the pivot.
    const open = await timelines.timeline(outsider.actor, idea.id);
    expect(open.events.map((e) => e.type)).toEqual([
      'decide_prototype',
      'hypothesis_set',
      'log_entry_written',
      'log_entry_written',
      'experiment_pivot',
    ]);
    for (const timeline of [full, open, await timelines.timeline(colleague.actor, idea.id)]) {
      const text = JSON.stringify(timeline);
      expect(text).not.toContain(anon.person.id);
      expect(text).not.toContain(anon.person.familyName);
      expect(text).not.toContain('Secret counter notes');
    }
  });

  it('pivots to a new hypothesis and keeps the old one; validated leaves evidence for the committee', async () => {
    const lead = await person();
    const idea = await prototypeIdea([lead]);
    await commands.create(lead.actor, idea.id, protocol());
    await logBook.add(lead.actor, idea.id, { bodyHtml: '<p>Before the pivot</p>', occurredOn: day(-3) });

    await expect(
      commands.recordOutcome(lead.actor, idea.id, { outcome: 'pivot', reason: 'Agents prefer paper' }),
    ).rejects.toThrow(ValidationFailed);
    const pivoted = await commands.recordOutcome(lead.actor, idea.id, {
      outcome: 'pivot',
      reason: 'Agents prefer paper',
      newHypothesis: { change: 'a paper board', audience: 'counter agents', expectedResult: 'halve double bookings' },
    });
    expect(pivoted.experiment!.status).toBe('running');
    expect(pivoted.experiment!.hypotheses.map((h) => [h.version, h.current, h.pivotReason])).toEqual([
      [1, false, null],
      [2, true, 'Agents prefer paper'],
    ]);
    const after = await logBook.add(lead.actor, idea.id, { bodyHtml: '<p>After</p>', occurredOn: day(-1) });
    expect(after.experiment!.logEntries.map((e) => e.hypothesisVersion)).toEqual([1, 2]);

    const validated = await commands.recordOutcome(lead.actor, idea.id, {
      outcome: 'validated',
      learnings: 'It works.',
    });
    expect(validated.experiment).toMatchObject({ status: 'validated', learnings: 'It works.' });
    const evidence = await validatedExperimentOf(ctx.ds.manager, idea.id);
    expect(evidence).toMatchObject({
      hypothesis: expect.objectContaining({ version: 2, change: 'a paper board' }),
      logEntryCount: 2,
      learnings: 'It works.',
      measures: [{ label: 'Double bookings per week', unit: 'bookings', target: 2 }],
    });
    await expect(
      logBook.add(lead.actor, idea.id, { bodyHtml: '<p>Late</p>', occurredOn: day(-1) }),
    ).rejects.toMatchObject({ code: 'experiment_not_running' });
  });

  it('stops the idea with public learnings when the experiment is stopped', async () => {
    const lead = await person();
    const idea = await prototypeIdea([lead]);
    await commands.create(lead.actor, idea.id, protocol());

    await expect(commands.recordOutcome(lead.actor, idea.id, { outcome: 'stopped' })).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'learnings' })],
    });
    const stopped = await commands.recordOutcome(lead.actor, idea.id, {
      outcome: 'stopped',
      learnings: 'The counters already share a tool.',
    });
    expect(stopped.experiment).toMatchObject({ status: 'stopped', learnings: 'The counters already share a tool.' });
    const [row] = await ctx.ds.query(`SELECT status FROM idea WHERE id = $1`, [idea.id]);
    expect(row.status).toBe('stopped');
    const [event] = await ctx.ds.query(`SELECT public, data FROM idea_event WHERE idea_id = $1 AND type = 'stop'`, [
      idea.id,
    ]);
    expect(event).toMatchObject({
      public: true,
      data: expect.objectContaining({ learnings: 'The counters already share a tool.' }),
    });
  });

  it('lets the network coaching the idea record a stop (and only the lead of the team, or the network in scope)', async () => {
    const [lead, member] = [await person(), await person()];
    const outsider = await makePerson(ctx.ds, {
      roles: [{ role: 'network_member', unit: await makeUnit(ctx.ds) }],
      password: null,
    });
    const idea = await prototypeIdea([lead, member]);
    await commands.create(lead.actor, idea.id, protocol());
    const stop = { outcome: 'stopped' as const, learnings: 'The pilot unit already had a tool.' };

    await expect(commands.recordOutcome(member.actor, idea.id, stop)).rejects.toMatchObject({ code: 'not_idea_team' });
    await expect(commands.recordOutcome(outsider.actor, idea.id, stop)).rejects.toThrow();
    expect((await queries.view(network.actor, idea.id)).viewer.canRecordOutcome).toBe(true);
    const stopped = await commands.recordOutcome(network.actor, idea.id, stop);
    expect(stopped.experiment).toMatchObject({ status: 'stopped', learnings: stop.learnings });
    const [row] = await ctx.ds.query(`SELECT status FROM idea WHERE id = $1`, [idea.id]);
    expect(row.status).toBe('stopped');
    const [event] = await ctx.ds.query(
      `SELECT actor_id, public, data FROM idea_event WHERE idea_id = $1 AND type = 'stop'`,
      [idea.id],
    );
    expect(event).toMatchObject({ actor_id: network.person.id, public: true });
    const audit = await ctx.ds.query(`SELECT action FROM audit_event WHERE subject_id = $1 AND actor_id = $2`, [
      idea.id,
      network.person.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('experiment.stopped');
  });

  it('schedules the end-date reminders on Redis, moves them with the end date, cancels them with an outcome', async () => {
    const lead = await person();
    const idea = await prototypeIdea([lead]);
    const created = await commands.create(lead.actor, idea.id, protocol({ endsOn: day(20) }));
    const experimentId = created.experiment!.id;
    const before = await queue.getJob(reminderJobId(experimentId, 'lead_before'));
    const after = await queue.getJob(reminderJobId(experimentId, 'network_after'));
    expect(await before!.isDelayed()).toBe(true);
    expect(await after!.isDelayed()).toBe(true);
    expect(before!.data).toEqual({ experimentId, kind: 'lead_before', endsOn: day(20) });

    await commands.update(lead.actor, idea.id, {
      ...protocol({ endsOn: day(40) }),
      version: created.experiment!.version,
    });
    const moved = await queue.getJob(reminderJobId(experimentId, 'lead_before'));
    expect(moved!.data.endsOn).toBe(day(40));
    expect(moved!.delay).toBeGreaterThan(before!.delay);

    // A job fired for the old end date does nothing; for the current one, the lead is told.
    expect(await reminders.fire({ experimentId, kind: 'lead_before', endsOn: day(20) })).toEqual({
      skipped: 'end_date_moved',
    });
    expect(await reminders.fire({ experimentId, kind: 'lead_before', endsOn: day(40) })).toEqual({ sent: 1 });
    expect(await reminders.fire({ experimentId, kind: 'network_after', endsOn: day(40) })).toEqual({ sent: 1 });
    const told = await ctx.ds.query(
      `SELECT type, data FROM idea_event WHERE idea_id = $1 AND type LIKE 'experiment_%' ORDER BY occurred_at, id`,
      [idea.id],
    );
    expect(told).toEqual([
      { type: 'experiment_end_reminder', data: expect.objectContaining({ leadIds: [lead.person.id] }) },
      { type: 'experiment_overdue', data: expect.objectContaining({ networkIds: [network.person.id] }) },
    ]);

    await commands.recordOutcome(lead.actor, idea.id, { outcome: 'validated' });
    expect(await queue.getJob(reminderJobId(experimentId, 'lead_before'))).toBeUndefined();
    expect(await queue.getJob(reminderJobId(experimentId, 'network_after'))).toBeUndefined();
    expect(await reminders.fire({ experimentId, kind: 'network_after', endsOn: day(40) })).toEqual({
      skipped: 'concluded',
    });
  });
});
