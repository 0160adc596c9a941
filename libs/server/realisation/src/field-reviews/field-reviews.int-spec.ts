import 'reflect-metadata';
import { Queue } from 'bullmq';
import { addMonths, ValidationFailed, type Actor } from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { IdeaEvent, IdeaLifecycle, IdeaQueries, type Idea } from '@eclore/server-ideas';
import { OutboxMessage, OutboxService, type AppConfig } from '@eclore/server-platform';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makeMilestone, makePerson, makeProject, makeUnit, type TestPerson } from '../../../../../test/harness';
import { uniqueQueuePrefix } from '../../../../../test/database';
import { testRedisConnection } from '../../../../../test/services';
import { FieldReview, ImplementationProject, Milestone } from '../entities';
import { RealisationModule } from '../realisation.module';
import {
  FieldReviewNotifier,
  FieldReviewScheduler,
  fieldReviewJobId,
  type FieldReviewClock,
} from './field-review-jobs';
import { FieldReviewsCommands } from './field-reviews-commands.service';
import { FieldReviewsQueries } from './field-reviews-queries.service';
import { FieldReviewsRepository } from './field-reviews.repository';
import { FieldReviewTestClock } from './field-review-test-clock.service';

/**
 * The return to the field against real PostgreSQL and Redis: the schedule written at go-live (calendar
 * months), the delayed jobs (ask, remind once, late once, moved, removed after an answer), `close`
 * refused until the last review is answered, answers on the timeline, and an anonymous author never
 * named to the others.
 */
const DAY = 86_400_000;
const ANSWER = {
  whatHappened: 'Used every morning',
  unexpected: 'Night shifts took it up',
  whoUsesIt: 'Both counters',
};

class TestClock implements FieldReviewClock {
  at = new Date();
  now(): Date {
    return new Date(this.at);
  }
}

describe('field reviews (service, real PostgreSQL and Redis)', () => {
  let ctx: ServiceTestContext;
  let lifecycle: IdeaLifecycle;
  let commands: FieldReviewsCommands;
  let queries: FieldReviewsQueries;
  let unit: OrgUnit;
  let author: TestPerson;
  let owner: TestPerson;
  let network: TestPerson;
  let stranger: TestPerson;
  let queue: Queue;
  const clock = new TestClock();

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'fieldreviews', imports: [RealisationModule] });
    lifecycle = ctx.get(IdeaLifecycle);
    commands = ctx.get(FieldReviewsCommands);
    queries = ctx.get(FieldReviewsQueries);
    const direction = await makeUnit(ctx.ds);
    unit = await makeUnit(ctx.ds, { parent: direction });
    author = await makePerson(ctx.ds, { unit, password: null });
    owner = await makePerson(ctx.ds, { unit, password: null, givenName: 'Olga', familyName: 'Owner' });
    network = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: direction }], password: null });
    stranger = await makePerson(ctx.ds, { unit, password: null });
    queue = new Queue('realisation', {
      connection: testRedisConnection(),
      prefix: uniqueQueuePrefix('fieldreviews'),
    });
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await ctx?.close();
  });

  async function liveIdea(options: { anonymous?: boolean; goLiveAt?: Date } = {}) {
    const idea = await makeIdea(ctx.ds, {
      authors: [author.person],
      unit,
      status: 'implement',
      kind: 'solution',
      anonymous: options.anonymous ?? false,
    });
    const project = await makeProject(ctx.ds, { idea, owner: owner.person });
    // The project's go-live guard needs its milestones settled.
    const milestone = await makeMilestone(ctx.ds, { project });
    await ctx.ds.getRepository(Milestone).update(milestone.id, { status: 'done', progress: 100, doneAt: new Date() });
    if (options.goLiveAt)
      await ctx.ds.getRepository(ImplementationProject).update(project.id, { goLiveAt: options.goLiveAt });
    await lifecycle.completeImplementation(owner.actor, idea.id);
    const reviews = await ctx.ds
      .getRepository(FieldReview)
      .find({ where: { projectId: project.id }, order: { ordinal: 'ASC' } });
    return { idea, project, reviews };
  }

  /** Makes a review due (as if its date had come) without waiting months. */
  async function makeDue(review: FieldReview, at = new Date(Date.now() - 1000)): Promise<void> {
    const shift = at.getTime() - review.dueAt.getTime();
    await ctx.ds.getRepository(FieldReview).update(review.id, {
      dueAt: at,
      remindAt: new Date(review.remindAt.getTime() + shift),
      lateAt: new Date(review.lateAt.getTime() + shift),
    });
  }

  it('schedules the reviews at go-live in calendar months (the 31st rule) and asks the worker through the outbox', async () => {
    const goLive = new Date('2027-11-30T09:00:00.000Z');
    const { idea, project, reviews } = await liveIdea({ goLiveAt: goLive });
    expect((await ctx.ds.getRepository(ImplementationProject).findOneByOrFail({ id: project.id })).goLiveAt).toEqual(
      goLive,
    );
    expect(reviews.map((r) => [r.ordinal, r.monthsAfterGoLive, r.dueAt.toISOString()])).toEqual([
      [1, 3, '2028-02-29T09:00:00.000Z'],
      [2, 12, '2028-11-30T09:00:00.000Z'],
    ]);
    expect(reviews[0]!.remindAt.getTime() - reviews[0]!.dueAt.getTime()).toBe(7 * DAY);
    expect(reviews[0]!.lateAt.getTime() - reviews[0]!.dueAt.getTime()).toBe(14 * DAY);
    const messages = await ctx.ds
      .getRepository(OutboxMessage)
      .findBy({ jobName: 'realisation.schedule_field_reviews' });
    expect(messages.map((m) => (m.payload as { projectId: string }).projectId)).toContain(project.id);
    expect((await queries.ofIdea(owner.actor, idea.id)).reviews.map((r) => r.state)).toEqual([
      'scheduled',
      'scheduled',
    ]);
  });

  it('sets go-live to the command’s time when the project has none', async () => {
    const before = Date.now();
    const { project, reviews } = await liveIdea();
    const row = await ctx.ds.getRepository(ImplementationProject).findOneByOrFail({ id: project.id });
    expect(row.goLiveAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(reviews[0]!.dueAt).toEqual(addMonths(row.goLiveAt!, 3));
  });

  it('refuses close (409 field_review_pending) until the last review is answered, then closes', async () => {
    const { idea, reviews } = await liveIdea();
    await expect(lifecycle.close(owner.actor, idea.id)).rejects.toMatchObject({ code: 'field_review_pending' });
    await makeDue(reviews[0]!);
    await commands.answer(owner.actor, reviews[0]!.id, ANSWER, null);
    await expect(lifecycle.close(network.actor, idea.id)).rejects.toMatchObject({ code: 'field_review_pending' });
    await makeDue(reviews[1]!);
    await commands.answer(author.actor, reviews[1]!.id, ANSWER, null);
    expect((await queries.ofIdea(owner.actor, idea.id)).closeAllowed).toBe(true);
    const closed = await lifecycle.close(owner.actor, idea.id);
    expect(closed.status).toBe('closed');
  });

  it('refuses bad answers naming the field, strangers, early and second answers', async () => {
    const { reviews } = await liveIdea();
    const review = reviews[0]!;
    await expect(commands.answer(owner.actor, review.id, ANSWER, null)).rejects.toMatchObject({
      code: 'field_review_not_due',
    });
    await makeDue(review);
    for (const [field, value] of [
      ['whatHappened', '   '],
      ['unexpected', 'a\u0000b'],
      ['whoUsesIt', 'x'.repeat(5001)],
    ] as const) {
      const error = await commands.answer(owner.actor, review.id, { ...ANSWER, [field]: value }, null).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fields.map((f) => f.field)).toEqual([field]);
    }
    await expect(commands.answer(stranger.actor, review.id, ANSWER, null)).rejects.toMatchObject({
      code: 'not_implementation_owner',
    });
    await commands.answer(owner.actor, review.id, ANSWER, null);
    await expect(commands.answer(author.actor, review.id, ANSWER, null)).rejects.toMatchObject({
      code: 'field_review_answered',
    });
  });

  it('puts the answer on the timeline; an anonymous author answering is “an author” to everyone else', async () => {
    const { idea, reviews } = await liveIdea({ anonymous: true });
    await makeDue(reviews[0]!);
    const mine = await commands.answer(author.actor, reviews[0]!.id, ANSWER, null);
    expect(mine.answeredBy).toEqual({ kind: 'person', person: expect.objectContaining({ id: author.person.id }) });

    const timelines = ctx.get(IdeaQueries);
    for (const viewer of [owner.actor, network.actor, stranger.actor]) {
      const timeline = await timelines.timeline(viewer, idea.id);
      const answered = timeline.events.find((e) => e.type === 'field_review_answered');
      expect(answered).toMatchObject({
        actor: { kind: 'author', person: null },
        fieldReview: { ...ANSWER, monthsAfterGoLive: 3 },
      });
      expect(JSON.stringify(timeline)).not.toContain(author.person.familyName);
      const reviewsView = await queries.ofIdea(viewer, idea.id);
      expect(reviewsView.reviews[0]!.answeredBy).toEqual({ kind: 'author', person: null });
      expect(JSON.stringify(reviewsView)).not.toContain(author.person.id);
    }
    // The audit entry pseudonymises the anonymous author too.
    const audit: { actor_id: string | null }[] = await ctx.ds.query(
      `SELECT actor_id FROM audit_event WHERE action = 'field_review.answered' AND subject_id = $1`,
      [idea.id],
    );
    expect(audit).toEqual([{ actor_id: null }]);
  });

  it('lists the due reviews to the people asked, and late ones to the network in scope only', async () => {
    const { idea, reviews } = await liveIdea();
    await makeDue(reviews[0]!, new Date(Date.now() - 20 * DAY));
    const listed = (a: Actor) => queries.mine(a).then((l) => l.items.filter((i) => i.ideaId === idea.id));
    expect(await listed(owner.actor)).toEqual([expect.objectContaining({ reviewId: reviews[0]!.id, state: 'late' })]);
    expect(await listed(author.actor)).toHaveLength(1);
    expect(await listed(stranger.actor)).toEqual([]);
    const late = await queries.late(network.actor);
    expect(late.items.map((i) => i.reviewId)).toContain(reviews[0]!.id);
    const outsider = await makePerson(ctx.ds, {
      roles: [{ role: 'network_member', unit: await makeUnit(ctx.ds) }],
      password: null,
    });
    expect((await queries.late(outsider.actor)).items.map((i) => i.reviewId)).not.toContain(reviews[0]!.id);
  });

  it('has a test clock that asks a review now under NODE_ENV=test, and answers 404 in production', async () => {
    const { reviews } = await liveIdea();
    const clockFor = (env: 'test' | 'production') =>
      new FieldReviewTestClock(
        ctx.ds,
        { NODE_ENV: env } as AppConfig,
        ctx.get(FieldReviewsRepository),
        new OutboxService(),
      );
    await expect(clockFor('production').makeDue(reviews[0]!.id)).rejects.toMatchObject({ code: 'route_not_found' });
    expect((await ctx.ds.getRepository(FieldReview).findOneByOrFail({ id: reviews[0]!.id })).askedAt).toBeNull();
    expect(await clockFor('test').makeDue(reviews[0]!.id)).toEqual({ asked: true });
    const after = await ctx.ds.getRepository(FieldReview).findOneByOrFail({ id: reviews[0]!.id });
    expect(after.askedAt).not.toBeNull();
    expect(after.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(after.lateAt.getTime() - after.dueAt.getTime()).toBe(14 * DAY);
    expect(await clockFor('test').makeDue(reviews[0]!.id)).toEqual({ asked: false });
  });

  describe('the delayed jobs', () => {
    let idea: Idea;
    let review: FieldReview;
    let projectId: string;
    let scheduler: FieldReviewScheduler;
    let notifier: FieldReviewNotifier;

    beforeAll(async () => {
      const live = await liveIdea({ anonymous: true });
      idea = live.idea;
      review = live.reviews[0]!;
      projectId = live.project.id;
      clock.at = new Date();
      scheduler = new FieldReviewScheduler(ctx.ds, queue, clock);
      notifier = new FieldReviewNotifier(ctx.ds, clock);
    });

    const fire = (step: 'ask' | 'remind' | 'report_late') => notifier.fire({ reviewId: review.id, step });
    const eventsOf = (type: string) => ctx.ds.getRepository(IdeaEvent).findBy({ ideaId: idea.id, type });

    it('adds one delayed job per review and step with its deterministic id, once', async () => {
      expect(await scheduler.syncProject(projectId)).toEqual({ added: 6, moved: 0, removed: 0 });
      const job = await queue.getJob(fieldReviewJobId(review.id, 'ask'));
      expect(job?.opts.delay).toBe(review.dueAt.getTime() - clock.at.getTime());
      expect(await job?.isDelayed()).toBe(true);
      expect((await scheduler.syncProject(projectId)).added).toBe(0);
    });

    it('moves the waiting jobs when the due date moves (reschedule)', async () => {
      const earlier = new Date(clock.at.getTime() + DAY);
      await makeDue(review, earlier);
      review = await ctx.ds.getRepository(FieldReview).findOneByOrFail({ id: review.id });
      expect((await scheduler.syncProject(projectId)).moved).toBe(6);
      const job = await queue.getJob(fieldReviewJobId(review.id, 'remind'));
      expect(job!.delay).toBe(review.remindAt.getTime() - clock.at.getTime());
    });

    it('does nothing before its date; asks the owner and the authors (the anonymous one too) at its date, once', async () => {
      expect(await fire('ask')).toEqual({ fired: false, reason: 'not_due' });
      clock.at = new Date(review.dueAt.getTime() + 1000);
      const asked = await fire('ask');
      expect(asked).toEqual({
        fired: true,
        eventType: 'field_review_asked',
        recipients: [author.person.id, owner.person.id].sort(),
      });
      expect(await fire('ask')).toEqual({ fired: false, reason: 'already_done' });
      const [event] = await eventsOf('field_review_asked');
      expect(event).toMatchObject({ public: false, actorId: null });
    });

    it('reminds once, then reports late once to the network in scope', async () => {
      expect(await fire('remind')).toEqual({ fired: false, reason: 'not_due' });
      clock.at = new Date(review.remindAt.getTime() + 1000);
      expect(await fire('remind')).toMatchObject({ fired: true, eventType: 'field_review_reminder' });
      expect(await fire('remind')).toEqual({ fired: false, reason: 'already_done' });
      clock.at = new Date(review.lateAt.getTime() + 1000);
      expect(await fire('report_late')).toMatchObject({ fired: true, recipients: [network.person.id] });
      expect(await fire('report_late')).toEqual({ fired: false, reason: 'already_done' });
      expect(await eventsOf('field_review_reminder')).toHaveLength(1);
      expect(await eventsOf('field_review_late')).toHaveLength(1);
    });

    it('does nothing once answered, and the answered review’s waiting jobs are removed', async () => {
      const next = (await ctx.ds.getRepository(FieldReview).findBy({ projectId })).find((r) => r.ordinal === 2)!;
      await makeDue(next);
      await commands.answer(owner.actor, next.id, ANSWER, null);
      clock.at = new Date(Date.now() + 400 * DAY);
      for (const step of ['ask', 'remind', 'report_late'] as const)
        expect(await notifier.fire({ reviewId: next.id, step })).toEqual({ fired: false, reason: 'answered' });
      const result = await scheduler.syncProject(projectId);
      expect(result.removed).toBe(3);
      expect(await queue.getJob(fieldReviewJobId(next.id, 'report_late'))).toBeUndefined();
    });
  });
});
