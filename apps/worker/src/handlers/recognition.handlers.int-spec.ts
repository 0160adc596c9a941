import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { appendIdeaEvents, type NewIdeaEvent } from '@eclore/server-ideas';
import {
  LedgerRecorder,
  LedgerReplay,
  LedgerRepository,
  RecognitionDueOpener,
  RecognitionRepository,
} from '@eclore/server-recognition';
import { createTestDatabase } from '../../../../test/database';
import { makeComment, makeIdea, makePerson, makeUnit } from '../../../../test/harness';
import { startOutboxChain, type OutboxChain } from '../testing/outbox-chain';
import { waitFor } from '../testing/worker-process';
import { RecognitionRecordContributionsHandler } from './recognition.handlers';

/**
 * The contribution ledger end to end on real PostgreSQL and Redis: idea events → outbox → relay →
 * BullMQ → the recognition handler → contribution rows; then the replay of the whole history, twice.
 */
jest.setTimeout(60_000);

interface Row {
  event_type: string;
  kind: string;
  person_id: string | null;
  anonymous: boolean;
  idempotency_key: string;
}

describe('contribution ledger (real PostgreSQL, Redis queues, BullMQ worker)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let chain: OutboxChain;
  let replay: LedgerReplay;

  const rows = (): Promise<Row[]> =>
    ds.query(
      `SELECT event_type, kind, person_id, anonymous, idempotency_key FROM contribution ORDER BY event_id, kind, person_id`,
    );
  const emit = (events: NewIdeaEvent[]) => ds.transaction((m) => appendIdeaEvents(m, events));

  beforeAll(async () => {
    db = await createTestDatabase('ledger_i14b');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 4 }));
    await ds.initialize();
    const repo = new LedgerRepository(ds);
    const recorder = new LedgerRecorder(repo);
    replay = new LedgerReplay(recorder, repo);
    const handler = new RecognitionRecordContributionsHandler(
      recorder,
      new RecognitionDueOpener(new RecognitionRepository(ds)),
    );
    chain = await startOutboxChain(ds, {
      label: 'ledger',
      queue: 'recognition',
      processor: () => (job) => handler.handle(job.data as never),
    });
  });

  afterAll(async () => {
    await chain?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('records each event’s contributions once, anonymous authors without being named, and a replay rebuilds the same rows', async () => {
    const unit = await makeUnit(ds);
    const named = await makePerson(ds, { unit, password: null });
    const commenter = await makePerson(ds, { unit, password: null });
    const hidden = await makePerson(ds, { unit, password: null });
    const open = await makeIdea(ds, { authors: [named.person], unit, status: 'visible' });
    const secret = await makeIdea(ds, { authors: [hidden.person], unit, status: 'visible', anonymous: true });
    const openComment = await makeComment(ds, { idea: open, author: commenter.person });
    const secretComment = await makeComment(ds, { idea: secret, author: hidden.person });
    const ev = (e: Partial<NewIdeaEvent> & Pick<NewIdeaEvent, 'ideaId' | 'type'>): NewIdeaEvent => ({
      actorId: null,
      public: false,
      data: {},
      ...e,
    });

    await emit([
      ev({ ideaId: open.id, type: 'submit', fromStatus: 'emerge', toStatus: 'submitted', actorId: named.person.id }),
      ev({ ideaId: open.id, type: 'commented', actorId: commenter.person.id, data: { commentId: openComment.id } }),
      ev({ ideaId: open.id, type: 'supported' }),
      ev({ ideaId: open.id, type: 'edited', actorId: named.person.id }),
      // A resubmission after a return is not a second authorship.
      ev({ ideaId: open.id, type: 'submit', fromStatus: 'returned', toStatus: 'submitted', actorId: named.person.id }),
      // The anonymous author's acts carry no actor: the recorder finds them through the row named.
      ev({ ideaId: secret.id, type: 'submit', fromStatus: 'emerge', toStatus: 'submitted' }),
      ev({ ideaId: secret.id, type: 'commented', data: { commentId: secretComment.id, byAnonymousAuthor: true } }),
      ev({ ideaId: secret.id, type: 'team_member_joined', actorId: hidden.person.id }),
    ]);

    const recorded = await waitFor('six contributions', async () => {
      const r = await rows();
      return r.length >= 6 ? r : undefined;
    });
    // Let any duplicate job have its chance to misbehave before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rows()).toEqual(recorded);
    expect(recorded.map((r) => [r.kind, r.person_id, r.anonymous])).toEqual([
      ['authored', named.person.id, false],
      ['commented', commenter.person.id, false],
      ['supported', null, false],
      ['authored', hidden.person.id, true],
      ['commented', hidden.person.id, true],
      ['team_member', hidden.person.id, true],
    ]);

    // A replay over the history records nothing already there, however often it runs.
    expect(await replay.replay({ batchSize: 3 })).toEqual({ events: 7, recorded: 0 });
    expect(await replay.replay()).toEqual({ events: 7, recorded: 0 });
    expect(await rows()).toEqual(recorded);

    // Rebuilt from nothing (the ledger arriving after the events): the same rows, then nothing more.
    await ds.query('DELETE FROM contribution');
    expect(await replay.replay({ batchSize: 2 })).toEqual({ events: 7, recorded: 6 });
    expect(await replay.replay()).toEqual({ events: 7, recorded: 0 });
    expect(await rows()).toEqual(recorded);
  });

  it('opens recognition due from a milestone event through the same job, once, an anonymous author flagged', async () => {
    const unit = await makeUnit(ds);
    const named = await makePerson(ds, { unit, password: null });
    const hidden = await makePerson(ds, { unit, password: null });
    const open = await makeIdea(ds, { authors: [named.person], unit, status: 'visible' });
    const secret = await makeIdea(ds, { authors: [hidden.person], unit, status: 'visible', anonymous: true });
    const ev = (e: Pick<NewIdeaEvent, 'ideaId' | 'type'> & Partial<NewIdeaEvent>): NewIdeaEvent => ({
      actorId: null,
      public: false,
      data: {},
      ...e,
    });
    const due = (): Promise<{ idea_id: string; milestone: string; person_id: string; anonymous: boolean }[]> =>
      ds.query(
        `SELECT idea_id, milestone, person_id, anonymous FROM recognition WHERE idea_id = ANY($1::uuid[]) ORDER BY anonymous`,
        [[open.id, secret.id]],
      );
    await emit([
      ev({ ideaId: open.id, type: 'submit', fromStatus: 'emerge', toStatus: 'submitted', actorId: named.person.id }),
      ev({ ideaId: secret.id, type: 'submit', fromStatus: 'emerge', toStatus: 'submitted' }),
    ]);
    await waitFor('the authorships in the ledger', async () => {
      const [row] = (await ds.query(`SELECT count(*)::int AS n FROM contribution WHERE idea_id = ANY($1::uuid[])`, [
        [open.id, secret.id],
      ])) as { n: number }[];
      return row!.n >= 2 ? true : undefined;
    });
    await emit([
      ev({ ideaId: open.id, type: 'accept', fromStatus: 'collect', toStatus: 'visible' }),
      ev({ ideaId: secret.id, type: 'accept', fromStatus: 'collect', toStatus: 'visible' }),
    ]);
    const opened = await waitFor('two due items', async () => {
      const rows = await due();
      return rows.length >= 2 ? rows : undefined;
    });
    expect(opened).toEqual([
      { idea_id: open.id, milestone: 'idea_accepted', person_id: named.person.id, anonymous: false },
      { idea_id: secret.id, milestone: 'idea_accepted', person_id: hidden.person.id, anonymous: true },
    ]);
    // The same events' jobs again (a replay through the queue): nothing opens twice.
    const accepts: { id: string }[] = await ds.query(
      `SELECT id::text AS id FROM idea_event WHERE type = 'accept' AND idea_id = ANY($1::uuid[])`,
      [[open.id, secret.id]],
    );
    const queue = chain.queues.get('recognition')!;
    const jobs = await Promise.all(
      accepts.map((a) =>
        queue.add('recognition.record_contributions', { ideaEventId: a.id }, { jobId: `replay-${a.id}` }),
      ),
    );
    await waitFor('the replayed jobs', async () =>
      (await Promise.all(jobs.map((j) => j.isCompleted()))).every(Boolean) ? true : undefined,
    );
    expect(await due()).toEqual(opened);
  });
});
