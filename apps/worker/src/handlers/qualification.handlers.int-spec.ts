import 'reflect-metadata';
import { createPostgresBackend, setDefaultBackendFactory, type Job, type QueueOptions } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DAY_MS, deadlineJobId, type Actor, type IdeaCommand, type DeadlineKind } from '@eclore/domain';
import { dataSourceOptions, seed } from '@eclore/migrations';
import { Person, RoleGrant } from '@eclore/server-identity';
import { Idea, IdeaAccess, IdeaAuthor, IdeaEvent } from '@eclore/server-ideas';
import type { JobHandler, JobName } from '@eclore/server-platform';
import {
  AnswerTimeSettingsRow,
  DeadlineJob,
  DeadlineNotifier,
  DeadlineScheduler,
  QualificationAssignment,
  type Clock,
} from '@eclore/server-qualification';
import { admin, createTestDatabase } from '../../../../test/database';
import { databaseUrl, testRedisConnection } from '../../../../test/services';
import { startOutboxChain, type OutboxChain } from '../testing/outbox-chain';
import { waitFor } from '../testing/worker-process';
import {
  QualificationDeadlineEscalationHandler,
  QualificationDeadlineReminderHandler,
  QualificationRescheduleDeadlinesHandler,
  QualificationScheduleDeadlinesHandler,
} from './qualification.handlers';

/**
 * The answer-time guarantee end to end on real PostgreSQL and Redis: lifecycle commands → idea
 * events → outbox → relay → BullMQ → a real BullMQ worker running the qualification handlers. Time
 * is a test clock the scheduler and the handlers read: moving it forward and asking for a
 * reschedule moves the delayed jobs' real delays, so "25 days later" takes a few seconds.
 */
jest.setTimeout(90_000);

/** Real time plus an offset the test moves. */
class TestClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Puts "now" at `at` minus a lead, so a job due at `at` fires `leadMs` of real time later. */
  setJustBefore(at: Date, leadMs: number): void {
    this.offsetMs = at.getTime() - leadMs - Date.now();
  }
}

type Backend = 'redis' | 'postgres';

/**
 * Runs under both queue backends: Redis (production) and BullMQ's PostgreSQL backend (the embedded
 * mode of `npm start`), which must keep delayed jobs, moves (changeDelay) and removals alike.
 */
describe.each<Backend>(['redis', 'postgres'])(
  'answer-time guarantee (real PostgreSQL, %s queues, BullMQ worker, test clock)',
  (backend) => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let ds: DataSource;
    let chain: OutboxChain;
    const clock = new TestClock();
    /** Every deadline job the worker finished, with the test-clock time at which it ran. */
    const ran: { job: Job; result: unknown; clockAt: Date }[] = [];
    let access: IdeaAccess;
    let author: Actor;
    let network: Actor;
    let leadId: string;
    let counter = 0;

    let queueDb: string | undefined;
    /** Connection options of the backend under test (the PostgreSQL one is made the process default). */
    const connection = (): QueueOptions['connection'] => {
      if (backend === 'postgres') {
        return { connectionString: databaseUrl(queueDb!), schema: 'public', migrate: true } as never;
      }
      return testRedisConnection();
    };
    const qualificationQueue = () => chain.queues.get('qualification')!;

    async function actorOf(email: string): Promise<Actor> {
      const person = await ds.getRepository(Person).findOneByOrFail({ email });
      const grants = await ds.getRepository(RoleGrant).findBy({ personId: person.id });
      return {
        personId: person.id,
        orgUnitId: person.orgUnitId,
        assignments: grants.map((g) => ({
          role: g.role,
          scope:
            g.scopeKind === 'org_unit'
              ? { kind: 'org_unit', orgUnitId: g.scopeOrgUnitId! }
              : g.scopeKind === 'theme'
                ? { kind: 'theme', theme: g.scopeTheme! }
                : { kind: 'organisation' },
        })),
      };
    }

    async function draft(): Promise<string> {
      counter += 1;
      const repo = ds.getRepository(Idea);
      const row = repo.create({
        kind: 'problem',
        status: 'emerge',
        title: `Deadline idea ${counter}`,
        summary: 'A recurring irritant',
        bodyHtml: '<p>Details</p>',
        authorId: author.personId,
        anonymous: false,
        orgUnitId: author.orgUnitId,
        campaignId: null,
        themes: [],
      });
      await repo.insert(row);
      const now = new Date();
      await ds.getRepository(IdeaAuthor).insert({
        ideaId: row.id,
        personId: author.personId,
        role: 'author',
        status: 'accepted',
        invitedBy: null,
        invitedAt: now,
        respondedAt: now,
      });
      return row.id;
    }

    const run = (actor: Actor, ideaId: string, command: IdeaCommand) =>
      access.runCommand(actor, ideaId, command, { submissionCheck: async () => ({ ok: true }) });

    /** Submitted, accepted on the wall and taken into qualification; its scheduling done. */
    async function intoQualification(ideaId: string): Promise<void> {
      await run(author, ideaId, { type: 'submit' });
      await run(network, ideaId, { type: 'accept' });
      await run(network, ideaId, { type: 'start_qualification' });
      await settled(ideaId);
    }

    const rowsOf = (ideaId: string) =>
      ds.getRepository(DeadlineJob).find({ where: { ideaId }, order: { fireAt: 'ASC', jobId: 'ASC' } });

    /** The idea's last event that is not a deadline event (its scheduling job follows it). */
    async function lastEventId(ideaId: string): Promise<string> {
      const [row] = (await ds.query(`SELECT max(id)::text AS id FROM idea_event WHERE idea_id = $1`, [ideaId])) as {
        id: string;
      }[];
      return row!.id;
    }

    /** Waits until the scheduling job for the idea's latest event has run (the jobs then match its state). */
    async function settled(ideaId: string): Promise<void> {
      const eventId = await lastEventId(ideaId);
      await waitFor(`the deadline schedule after event ${eventId}`, () =>
        ran.some(
          (r) =>
            r.job.name === 'qualification.schedule_deadlines' &&
            (r.job.data as { ideaEventId: string }).ideaEventId === eventId,
        ),
      );
    }

    async function rescheduleAll(): Promise<void> {
      const job = await qualificationQueue().add('qualification.reschedule_deadlines', { reason: 'settings_changed' });
      await waitFor('the reschedule job', () => ran.some((r) => r.job.id === job.id));
    }

    const deadlineEvents = (ideaId: string) =>
      ds.getRepository(IdeaEvent).find({
        where: [
          { ideaId, type: 'qualification_reminder' },
          { ideaId, type: 'qualification_escalated' },
        ],
        order: { id: 'ASC' },
      });

    async function jobState(jobId: string): Promise<string> {
      const job = await qualificationQueue().getJob(jobId);
      return job ? job.getState() : 'absent';
    }

    const submittedAt = async (ideaId: string) =>
      (await ds.getRepository(IdeaEvent).findOneOrFail({ where: { ideaId, type: 'submit' }, order: { id: 'DESC' } }))
        .occurredAt;
    const startedAt = async (ideaId: string) =>
      (
        await ds
          .getRepository(IdeaEvent)
          .findOneOrFail({ where: { ideaId, type: 'start_qualification' }, order: { id: 'DESC' } })
      ).occurredAt;
    const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
    const id = (ideaId: string, action: 'remind' | 'escalate', kind: DeadlineKind, dueAt: Date) =>
      deadlineJobId(ideaId, action, kind, dueAt);

    beforeAll(async () => {
      db = await createTestDatabase('deadlines');
      ds = new DataSource(dataSourceOptions(db.url, { poolSize: 6 }));
      await ds.initialize();
      await seed(ds);
      access = new IdeaAccess(ds);
      author = await actorOf('lucas.girard@eclore.example');
      network = await actorOf('julien.tremblay@eclore.example');
      leadId = (await ds.getRepository(Person).findOneByOrFail({ email: 'david.rossier@eclore.example' })).id;

      if (backend === 'postgres') {
        queueDb = `${db.name}_bullmq`;
        await admin(`CREATE DATABASE "${queueDb}"`); // empty: BullMQ creates its tables
        setDefaultBackendFactory(createPostgresBackend as never);
      }
      chain = await startOutboxChain(ds, {
        label: 'deadlines',
        queue: 'qualification',
        connection,
        processor: (queues) => {
          const queue = queues.get('qualification')!;
          const handlers = new Map<JobName, JobHandler>([
            [
              'qualification.schedule_deadlines',
              new QualificationScheduleDeadlinesHandler(ds, new DeadlineScheduler(ds, queue, clock)),
            ],
            [
              'qualification.reschedule_deadlines',
              new QualificationRescheduleDeadlinesHandler(new DeadlineScheduler(ds, queue, clock)),
            ],
            [
              'qualification.deadline_reminder',
              new QualificationDeadlineReminderHandler(new DeadlineNotifier(ds, clock)),
            ],
            [
              'qualification.deadline_escalation',
              new QualificationDeadlineEscalationHandler(new DeadlineNotifier(ds, clock)),
            ],
          ]);
          return async (job: Job) => {
            const clockAt = clock.now();
            const result = await handlers.get(job.name as JobName)!.handle(job.data as never, job as never);
            ran.push({ job, result, clockAt });
            return result;
          };
        },
      });
    });

    afterAll(async () => {
      await chain?.close();
      setDefaultBackendFactory();
      await ds?.destroy();
      await db?.drop();
      if (queueDb) await admin(`DROP DATABASE IF EXISTS "${queueDb}" WITH (FORCE)`);
    });

    beforeEach(() => {
      clock.offsetMs = 0;
    });

    it('reminds the assignee before the first-answer deadline and escalates to the network lead at it, on the test clock', async () => {
      const ideaId = await draft();
      await run(author, ideaId, { type: 'submit' });
      await settled(ideaId);
      const due = plus(await submittedAt(ideaId), 30);
      const remindId = id(ideaId, 'remind', 'first_answer', due);
      const escalateId = id(ideaId, 'escalate', 'first_answer', due);
      expect((await rowsOf(ideaId)).map((r) => [r.jobId, r.fireAt])).toEqual([
        [remindId, plus(due, -5)],
        [escalateId, due],
      ]);
      expect(await jobState(remindId)).toBe('delayed');
      expect(await jobState(escalateId)).toBe('delayed');

      // An assignee appears (routing, H2's table): the reminder goes to them.
      await ds.getRepository(QualificationAssignment).insert({
        ideaId,
        personId: network.personId,
        assignedBy: null,
        assignedAt: new Date(),
      });

      // 25 days later, minus 3 seconds of real time: the reminder is still waiting.
      clock.setJustBefore(plus(due, -5), 3000);
      await rescheduleAll();
      expect(await jobState(remindId)).toBe('delayed');
      expect(await deadlineEvents(ideaId)).toEqual([]);

      const reminder = await waitFor('the reminder', () => ran.find((r) => r.job.id === remindId));
      expect(reminder.clockAt.getTime()).toBeGreaterThanOrEqual(plus(due, -5).getTime());
      expect(reminder.clockAt.getTime()).toBeLessThan(due.getTime());
      expect(reminder.result).toMatchObject({
        fired: true,
        eventType: 'qualification_reminder',
        recipients: [network.personId],
      });
      expect(await jobState(escalateId)).toBe('delayed');

      clock.setJustBefore(due, 3000);
      await rescheduleAll();
      const escalation = await waitFor('the escalation', () => ran.find((r) => r.job.id === escalateId));
      expect(escalation.clockAt.getTime()).toBeGreaterThanOrEqual(due.getTime());
      expect(escalation.result).toMatchObject({
        fired: true,
        eventType: 'qualification_escalated',
        recipients: [leadId],
      });

      const events = await deadlineEvents(ideaId);
      expect(events.map((e) => [e.type, e.public, e.actorId, e.data])).toEqual([
        [
          'qualification_reminder',
          false,
          null,
          { assigneeIds: [network.personId], deadline: 'first_answer', dueAt: due.toISOString() },
        ],
        [
          'qualification_escalated',
          false,
          null,
          { leadIds: [leadId], assigneeIds: [network.personId], deadline: 'first_answer', dueAt: due.toISOString() },
        ],
      ]);
      // The deadline events are idea events too: rescheduling after them adds no second reminder.
      await settled(ideaId);
      await rescheduleAll();
      expect((await deadlineEvents(ideaId)).length).toBe(2);
    });

    it('removes the jobs from the queue (not just ignores them) when the idea is answered in time', async () => {
      const ideaId = await draft();
      await intoQualification(ideaId);
      const firstDue = plus(await submittedAt(ideaId), 30);
      const qualDue = plus(await startedAt(ideaId), 60);
      const ids = [
        id(ideaId, 'remind', 'first_answer', firstDue),
        id(ideaId, 'escalate', 'first_answer', firstDue),
        id(ideaId, 'remind', 'qualification', qualDue),
        id(ideaId, 'escalate', 'qualification', qualDue),
      ];
      expect((await rowsOf(ideaId)).map((r) => r.jobId)).toEqual(ids);
      for (const jobId of ids) expect(await jobState(jobId)).toBe('delayed');
      if (backend === 'postgres') {
        // The embedded mode's jobs really live in BullMQ's tables of the queue database.
        const client = new Client({ connectionString: databaseUrl(queueDb!) });
        await client.connect();
        try {
          const rows = await client.query('SELECT id, state FROM job WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
          expect(rows.rows).toEqual([...ids].sort().map((jobId) => ({ id: jobId, state: 'delayed' })));
        } finally {
          await client.end();
        }
      }

      await run(network, ideaId, { type: 'qualify', answer: 'Worth a prototype: the committee will look at it.' });
      await settled(ideaId);
      expect(await rowsOf(ideaId)).toEqual([]);
      for (const jobId of ids) expect(await jobState(jobId)).toBe('absent');

      // Long after both due dates nothing is said about it.
      clock.setJustBefore(plus(qualDue, 10), 0);
      await rescheduleAll();
      expect(await deadlineEvents(ideaId)).toEqual([]);
    });

    it('a stale job that fires after the idea moved on does nothing', async () => {
      const ideaId = await draft();
      await run(author, ideaId, { type: 'submit' });
      await settled(ideaId);
      const due = plus(await submittedAt(ideaId), 30);
      await run(network, ideaId, { type: 'return_to_authors', reason: 'Please say which unit is concerned.' });
      await settled(ideaId);
      expect(await rowsOf(ideaId)).toEqual([]);
      // As if the queue still held the old escalation (e.g. removed while it was being picked up).
      const stale = await qualificationQueue().add('qualification.deadline_escalation', {
        ideaId,
        deadline: 'first_answer',
        dueAt: due.toISOString(),
      });
      const result = await waitFor('the stale job', () => ran.find((r) => r.job.id === stale.id));
      expect(result.result).toEqual({ fired: false, reason: 'stale' });
      expect(await deadlineEvents(ideaId)).toEqual([]);
    });

    it('moves the jobs when the settings change', async () => {
      const ideaId = await draft();
      await run(author, ideaId, { type: 'submit' });
      await settled(ideaId);
      const submitted = await submittedAt(ideaId);
      const oldIds = (await rowsOf(ideaId)).map((r) => r.jobId);
      expect(oldIds).toEqual([
        id(ideaId, 'remind', 'first_answer', plus(submitted, 30)),
        id(ideaId, 'escalate', 'first_answer', plus(submitted, 30)),
      ]);

      await ds.getRepository(AnswerTimeSettingsRow).update({ id: 1 }, { firstAnswerDays: 10, remindBeforeDays: 2 });
      try {
        await rescheduleAll();
        const due = plus(submitted, 10);
        expect((await rowsOf(ideaId)).map((r) => [r.jobId, r.fireAt])).toEqual([
          [id(ideaId, 'remind', 'first_answer', due), plus(due, -2)],
          [id(ideaId, 'escalate', 'first_answer', due), due],
        ]);
        for (const jobId of oldIds) expect(await jobState(jobId)).toBe('absent');
        expect(await jobState(id(ideaId, 'escalate', 'first_answer', due))).toBe('delayed');
      } finally {
        await ds.getRepository(AnswerTimeSettingsRow).update({ id: 1 }, { firstAnswerDays: 30, remindBeforeDays: 5 });
        await rescheduleAll();
      }
    });

    it('reschedules when the idea returns to qualification after rework', async () => {
      const ideaId = await draft();
      await intoQualification(ideaId);
      const firstRound = (await rowsOf(ideaId)).map((r) => r.jobId);
      expect(firstRound).toHaveLength(4);

      await run(network, ideaId, { type: 'request_rework', guidance: 'Add figures on the time lost each week.' });
      await settled(ideaId);
      expect(await rowsOf(ideaId)).toEqual([]);

      await intoQualification(ideaId);
      const firstDue = plus(await submittedAt(ideaId), 30);
      const qualDue = plus(await startedAt(ideaId), 60);
      const secondRound = (await rowsOf(ideaId)).map((r) => r.jobId);
      expect(secondRound).toEqual([
        id(ideaId, 'remind', 'first_answer', firstDue),
        id(ideaId, 'escalate', 'first_answer', firstDue),
        id(ideaId, 'remind', 'qualification', qualDue),
        id(ideaId, 'escalate', 'qualification', qualDue),
      ]);
      for (const jobId of firstRound) expect(await jobState(jobId)).toBe('absent');
      for (const jobId of secondRound) expect(await jobState(jobId)).toBe('delayed');
    });

    it('schedules nothing for an idea that ended', async () => {
      const ideaId = await draft();
      await run(author, ideaId, { type: 'submit' });
      await settled(ideaId);
      const ids = (await rowsOf(ideaId)).map((r) => r.jobId);
      expect(ids).toHaveLength(2);
      await run(network, ideaId, { type: 'decline', rationale: 'Already handled by the new badge process.' });
      await settled(ideaId);
      expect(await rowsOf(ideaId)).toEqual([]);
      for (const jobId of ids) expect(await jobState(jobId)).toBe('absent');
      clock.setJustBefore(plus(new Date(), 400), 0);
      await rescheduleAll();
      expect(await rowsOf(ideaId)).toEqual([]);
      expect(await deadlineEvents(ideaId)).toEqual([]);
    });
  },
);
