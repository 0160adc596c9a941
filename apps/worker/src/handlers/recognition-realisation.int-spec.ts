import 'reflect-metadata';
import { LEDGER_EVENT_TYPES } from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { CommentsService, EngagementModule, IdeaAccess, type Idea } from '@eclore/server-ideas';
import { ScorecardsModule, ScorecardsService } from '@eclore/server-qualification';
import {
  ExperimentCommands,
  GoLiveService,
  ImpactCommandsService,
  MilestoneCommandsService,
  RealisationModule,
  ReplicationService,
  TeamCommands,
  TeamQueries,
} from '@eclore/server-realisation';
import {
  LedgerRecorder,
  LedgerReplay,
  LedgerRepository,
  RecognitionDueOpener,
  RecognitionRepository,
} from '@eclore/server-recognition';
import {
  makeAssignment,
  makeComment,
  makeIdea,
  makeMilestone,
  makePerson,
  makeProject,
  makeUnit,
  type TestPerson,
} from '../../../../test/harness';
import { createServiceTestContext, type ServiceTestContext } from '../../../../test/harness/service-context';
import { startOutboxChain, type OutboxChain } from '../testing/outbox-chain';
import { waitFor } from '../testing/worker-process';
import { RecognitionRecordContributionsHandler } from './recognition.handlers';

/**
 * The realisation's and the qualification's acts, and the authors' adopted comments, reach the
 * contribution ledger end to end, on real PostgreSQL and Redis: the real commands (team, experiment,
 * milestone, go-live, impact, replication, scorecard, comment adoption) → their idea events → the outbox → the relay → BullMQ → the recognition handler →
 * contribution rows (docs/recognition.md §1). Each kind once, an anonymous author's entries
 * anonymous, and a replay of the history (twice, and from nothing) records the same rows.
 */
jest.setTimeout(120_000);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ALL_THREES = { user_value: 3, feasibility: 3, cost: 3, strategic_alignment: 3, replicability: 3 };
const protocol = {
  whatIsTried: 'A shared calendar at the counters',
  whereTried: 'North office',
  withWhom: 'Two counter agents',
  startsOn: day(-10),
  endsOn: day(20),
  measures: [{ label: 'Double bookings per week', unit: 'bookings', target: 2 }],
  hypothesis: { change: 'a shared calendar', audience: 'counter agents', expectedResult: 'halve double bookings' },
};

interface Row {
  idea_id: string;
  event_type: string;
  kind: string;
  person_id: string | null;
  anonymous: boolean;
}

describe('contribution ledger from the realisation (real services, outbox, BullMQ worker)', () => {
  let ctx: ServiceTestContext;
  let chain: OutboxChain;
  let replay: LedgerReplay;
  let unit: OrgUnit;
  let committee: TestPerson;
  let network: TestPerson;

  const rows = (): Promise<Row[]> =>
    ctx.ds.query(
      `SELECT idea_id, event_type, kind, person_id, anonymous FROM contribution ORDER BY event_id, kind, person_id`,
    );

  beforeAll(async () => {
    ctx = await createServiceTestContext({
      label: 'ledger_realisation',
      imports: [RealisationModule, ScorecardsModule, EngagementModule],
    });
    const repo = new LedgerRepository(ctx.ds);
    const recorder = new LedgerRecorder(repo);
    replay = new LedgerReplay(recorder, repo);
    const handler = new RecognitionRecordContributionsHandler(
      recorder,
      new RecognitionDueOpener(new RecognitionRepository(ctx.ds)),
    );
    chain = await startOutboxChain(ctx.ds, {
      label: 'ledger_realisation',
      queue: 'recognition',
      processor: () => (job) => handler.handle(job.data as never),
    });

    const direction = await makeUnit(ctx.ds);
    unit = await makeUnit(ctx.ds, { parent: direction });
    committee = await makePerson(ctx.ds, { roles: ['committee_member'], password: null });
    network = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: direction }], password: null });
  });

  afterAll(async () => {
    await chain?.close();
    await ctx?.close();
  });

  const person = () => makePerson(ctx.ds, { unit, password: null });
  async function decidedToPrototype(author: TestPerson, anonymous: boolean): Promise<Idea> {
    const idea = await makeIdea(ctx.ds, { authors: [author.person], unit, status: 'decide', anonymous });
    await ctx.get(IdeaAccess).runCommand(committee.actor, idea.id, { type: 'decide_prototype', rationale: 'Try it.' });
    return idea;
  }

  it('records every realisation kind once from the real commands, an anonymous author anonymously, and a replay rebuilds the same rows', async () => {
    const [hidden, colleague, named, owner, reviewer, author] = [
      await person(),
      await person(),
      await person(),
      await person(),
      await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit }], password: null }),
      await person(),
    ];
    const adopting = await makeUnit(ctx.ds);
    const adopter = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: adopting }], password: null });
    const newOwner = await makePerson(ctx.ds, { unit: adopting, password: null });
    const team = ctx.get(TeamCommands);
    const experiments = ctx.get(ExperimentCommands);

    // An anonymous idea: its author joins the team through their own invitation (and so leads it),
    // a colleague joins on the network's invitation, the author records the experiment validated.
    const secret = await decidedToPrototype(hidden, true);
    const [own] = (await ctx.get(TeamQueries).myInvitations(hidden.actor)).items;
    await team.answer(hidden.actor, own!.id, true);
    const invited = await team.invite(network.actor, secret.id, colleague.person.id);
    await team.answer(colleague.actor, invited.pendingInvitations[0]!.id, true);
    await experiments.create(hidden.actor, secret.id, protocol);
    await experiments.recordOutcome(hidden.actor, secret.id, { outcome: 'validated', learnings: 'It works.' });
    // The anonymous author adopts the colleague's comment (no actor recorded): the writer is credited,
    // named; adopting it again after a withdrawal records nothing more.
    const helpful = await makeComment(ctx.ds, { idea: secret, author: colleague.person });
    const comments = ctx.get(CommentsService);
    await comments.setAdoption(secret.id, helpful.id, true, hidden.actor);
    await comments.setAdoption(secret.id, helpful.id, false, hidden.actor);
    await comments.setAdoption(secret.id, helpful.id, true, hidden.actor);

    // A named idea: its author is placed in the team at its formation, leads it, and stops it.
    const open = await decidedToPrototype(named, false);
    await experiments.create(named.actor, open.id, protocol);
    await experiments.recordOutcome(named.actor, open.id, { outcome: 'stopped', learnings: 'Already shared.' });

    // Implementation: the owner marks the milestone done and puts the idea into service; the network
    // validates an impact measurement; another unit adopts it.
    const implemented = await makeIdea(ctx.ds, {
      authors: [author.person],
      unit,
      status: 'implement',
      kind: 'solution',
    });
    const project = await makeProject(ctx.ds, { idea: implemented, owner: owner.person });
    const milestone = await makeMilestone(ctx.ds, { project });
    await ctx
      .get(MilestoneCommandsService)
      .update(owner.actor, implemented.id, milestone.id, { version: milestone.version, status: 'done' });
    await ctx.get(GoLiveService).complete(owner.actor, implemented.id);
    const impact = ctx.get(ImpactCommandsService);
    const indicator = await impact.createIndicator(owner.actor, project.id, {
      category: 'staff_hours_saved',
      label: 'Hours saved',
      unit: 'h/year',
      projectedValue: 1200,
      projectedOn: day(200),
    });
    const measurement = await impact.recordMeasurement(owner.actor, indicator, {
      value: 300,
      measuredOn: day(0),
      source: 'Time sheets',
      confidence: 'measured',
    });
    await impact.validate(network.actor, measurement);
    await ctx
      .get(ReplicationService)
      .adopt(adopter.actor, implemented.id, { orgUnitId: adopting.id, ownerId: newOwner.person.id });

    // Qualification: an assigned reviewer submits a scorecard, then corrects it (one review).
    const qualified = await makeIdea(ctx.ds, { authors: [author.person], unit, status: 'qualify', kind: 'solution' });
    await makeAssignment(ctx.ds, { idea: qualified, reviewer: reviewer.person });
    const scorecards = ctx.get(ScorecardsService);
    await scorecards.submit(reviewer.actor, qualified.id, { scores: ALL_THREES, comment: 'Solid.' });
    await scorecards.submit(reviewer.actor, qualified.id, { scores: { ...ALL_THREES, cost: 4 }, comment: 'Solid.' });

    const expected = [
      // The anonymous idea: the committee's decision, the author's join and lead (anonymous), the colleague.
      [secret.id, 'decide_prototype', 'decided', committee.person.id, false],
      [secret.id, 'team_member_joined', 'team_member', hidden.person.id, true],
      [secret.id, 'team_member_joined', 'team_member', colleague.person.id, false],
      [secret.id, 'experiment_validated', 'experiment_lead', hidden.person.id, true],
      [secret.id, 'comment_adopted', 'comment_adopted', colleague.person.id, false],
      [open.id, 'decide_prototype', 'decided', committee.person.id, false],
      [open.id, 'team_formed', 'team_member', named.person.id, false],
      [open.id, 'experiment_stopped', 'experiment_lead', named.person.id, false],
      [implemented.id, 'milestone_done', 'milestone_done', owner.person.id, false],
      [implemented.id, 'complete_implementation', 'implementation_owner', owner.person.id, false],
      [implemented.id, 'impact.measurement_validated', 'measurement_validated', network.person.id, false],
      [implemented.id, 'replication_adopted', 'replicated', adopter.person.id, false],
      [qualified.id, 'scorecard_submitted', 'reviewed', reviewer.person.id, false],
    ];
    const shape = (r: Row[]) => r.map((x) => [x.idea_id, x.event_type, x.kind, x.person_id, x.anonymous]);
    const sorted = (list: unknown[][]) => [...list].map((x) => JSON.stringify(x)).sort();

    const recorded = await waitFor('the thirteen contributions', async () => {
      const r = await rows();
      return r.length >= expected.length ? r : undefined;
    });
    // Let any duplicate job have its chance to misbehave before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rows()).toEqual(recorded);
    expect(sorted(shape(recorded))).toEqual(sorted(expected));
    // Each entry is dated by its event to the microsecond (a JavaScript Date would cut them).
    const misdated = await ctx.ds.query(
      `SELECT count(*)::int AS n FROM contribution c JOIN idea_event e ON e.id = c.event_id WHERE c.occurred_at <> e.occurred_at`,
    );
    expect(misdated).toEqual([{ n: 0 }]);
    // The anonymous author is never an entry with their identity open.
    expect(recorded.filter((r) => r.person_id === hidden.person.id).every((r) => r.anonymous)).toBe(true);

    // A replay over the history records nothing already there, however it is paged.
    const events = Number(
      (
        await ctx.ds.query(`SELECT count(*)::int AS n FROM idea_event WHERE type = ANY($1::text[])`, [
          [...LEDGER_EVENT_TYPES],
        ])
      )[0].n,
    );
    expect(await replay.replay({ batchSize: 2 })).toEqual({ events, recorded: 0 });
    expect(await rows()).toEqual(recorded);
    // From nothing (the ledger arriving after the events), paged across ids of one and two digits:
    // the same rows, then nothing more.
    expect(Number((await ctx.ds.query(`SELECT max(id)::int AS max FROM idea_event`))[0].max)).toBeGreaterThan(10);
    await ctx.ds.query('DELETE FROM contribution');
    expect(await replay.replay({ batchSize: 3 })).toEqual({ events, recorded: expected.length });
    expect(await replay.replay()).toEqual({ events, recorded: 0 });
    expect(sorted(shape(await rows()))).toEqual(sorted(expected));
  });
});
