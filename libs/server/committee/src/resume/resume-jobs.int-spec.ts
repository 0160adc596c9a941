import 'reflect-metadata';
import { Queue } from 'bullmq';
import { Idea, IdeaAccess, IdeaEvent } from '@eclore/server-ideas';
import { OutboxMessage } from '@eclore/server-platform';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makePerson, makeUnit } from '../../../../../test/harness';
import { uniqueQueuePrefix } from '../../../../../test/database';
import { testRedisConnection } from '../../../../../test/services';
import { ResumeOnPark, ParkedResumer, resumeJobId } from './resume-jobs';
import { ResumeModule } from './resume.module';

/**
 * The system's resume of a parked idea (docs/realisation.md §7) on real PostgreSQL and Redis: parking
 * asks for the job through the outbox; the job is delayed until parkedUntil; when it fires it
 * resumes only an idea still parked with that date once the date has passed.
 */
const DAY = 86_400_000;

describe('resume of parked ideas (real PostgreSQL and Redis)', () => {
  let ctx: ServiceTestContext;
  let queue: Queue;
  let resumer: ParkedResumer;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'resume', imports: [ResumeModule] });
    queue = new Queue('committee', {
      connection: testRedisConnection(),
      prefix: uniqueQueuePrefix('resume'),
    });
    resumer = new ParkedResumer(ctx.ds, ctx.get(IdeaAccess), queue);
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await ctx?.close();
  });

  async function parkedIdea(until: Date): Promise<Idea> {
    const author = await makePerson(ctx.ds, { password: null });
    const idea = await makeIdea(ctx.ds, { authors: [author.person], unit: await makeUnit(ctx.ds), status: 'parked' });
    await ctx.ds.getRepository(Idea).update(idea.id, { parkedUntil: until });
    return ctx.ds.getRepository(Idea).findOneByOrFail({ id: idea.id });
  }

  it('asks for the resume job through the outbox when an idea is parked', async () => {
    const idea = await parkedIdea(new Date(Date.now() + DAY));
    await ctx.ds.transaction((m) =>
      ctx
        .get(ResumeOnPark)
        .onCommand(m, { ideaId: idea.id, command: 'park', from: 'decide', to: 'parked', actorId: null }),
    );
    const messages = await ctx.ds.getRepository(OutboxMessage).findBy({ jobName: 'committee.schedule_resume' });
    expect(messages.map((m) => m.payload)).toContainEqual({ ideaId: idea.id });
  });

  it('delays the job until parkedUntil, once per date, and resumes as the system when it fires after it', async () => {
    const until = new Date(Date.now() + 3 * DAY);
    const idea = await parkedIdea(until);
    const now = new Date();
    const scheduled = await resumer.schedule(idea.id, now);
    expect(scheduled).toEqual({ jobId: resumeJobId(idea.id, until), delay: until.getTime() - now.getTime() });
    const job = await queue.getJob(resumeJobId(idea.id, until));
    expect(await job?.isDelayed()).toBe(true);
    await resumer.schedule(idea.id, now);
    expect((await queue.getDelayed()).filter((j) => j.data.ideaId === idea.id)).toHaveLength(1);

    const payload = { ideaId: idea.id, parkedUntil: until.toISOString() };
    expect(await resumer.resume(payload, new Date(until.getTime() - 1000))).toEqual({
      resumed: false,
      reason: 'not_due',
    });
    expect(await resumer.resume(payload, new Date(until.getTime() + 1000))).toEqual({ resumed: true });
    expect((await ctx.ds.getRepository(Idea).findOneByOrFail({ id: idea.id })).status).toBe('decide');
    const events = await ctx.ds.getRepository(IdeaEvent).findBy({ ideaId: idea.id, type: 'resume' });
    expect(events).toEqual([expect.objectContaining({ actorId: null, fromStatus: 'parked', toStatus: 'decide' })]);
    // Fired again (a retry): the idea is no longer parked, nothing happens.
    expect(await resumer.resume(payload, new Date(until.getTime() + 2000))).toEqual({
      resumed: false,
      reason: 'not_parked',
    });
  });

  it('leaves an idea parked again with another date to that date’s own job', async () => {
    const first = new Date(Date.now() - DAY);
    const idea = await parkedIdea(new Date(Date.now() + 30 * DAY));
    expect(await resumer.resume({ ideaId: idea.id, parkedUntil: first.toISOString() })).toEqual({
      resumed: false,
      reason: 'moved_on',
    });
    expect((await ctx.ds.getRepository(Idea).findOneByOrFail({ id: idea.id })).status).toBe('parked');
  });

  it('schedules nothing for an idea that is not parked', async () => {
    const author = await makePerson(ctx.ds, { password: null });
    const idea = await makeIdea(ctx.ds, { authors: [author.person], status: 'decide' });
    expect(await resumer.schedule(idea.id)).toBeNull();
  });
});
