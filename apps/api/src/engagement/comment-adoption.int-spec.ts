import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { describeEvent, NotificationDispatcher } from '@eclore/server-notifications';
import { IdeaComment, type Idea } from '@eclore/server-ideas';
import { LedgerRecorder, LedgerReplay } from '@eclore/server-recognition';
import {
  expectProblem,
  identityMarkers,
  makeComment,
  makeIdea,
  makePerson,
  makeUnit,
  type TestPerson,
} from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

/**
 * "Comment adopted" (docs/recognition.md §1) over real HTTP on the real application: the idea's
 * authors mark a comment adopted; the first adoption appends `comment_adopted` through the outbox,
 * which credits the comment's writer once in the contribution ledger (replay safe) and tells them;
 * an anonymous author adopts without being named in the answer, the event, the notification or the
 * audit log.
 */
describe('comment adoption API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let authorPerson: TestPerson;
  let author: Member;
  let coAuthor: Member;
  let writer: Member;
  let stranger: Member;
  let network: Member;
  let hiddenPerson: TestPerson;
  let hidden: Member;

  interface EventRow {
    id: string;
    actor_id: string | null;
    public: boolean;
    data: Record<string, unknown>;
  }
  const adoptionEvents = (commentId: string): Promise<EventRow[]> =>
    ds.query(
      `SELECT id::text AS id, actor_id, public, data FROM idea_event
        WHERE type = 'comment_adopted' AND data->>'commentId' = $1 ORDER BY id`,
      [commentId],
    );
  const ledgerRows = (ideaId: string): Promise<{ kind: string; person_id: string; anonymous: boolean }[]> =>
    ds.query(`SELECT kind, person_id, anonymous FROM contribution WHERE idea_id = $1 AND kind = 'comment_adopted'`, [
      ideaId,
    ]);
  const path = (idea: Idea, commentId: string) => `/api/ideas/${idea.id}/comments/${commentId}/adoption`;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'comment_adoption' });
    ({ ds } = ctx);
    const unit = await makeUnit(ds);
    authorPerson = await makePerson(ds, { unit, givenName: 'Anne', familyName: 'Adoptante' });
    hiddenPerson = await makePerson(ds, { unit, givenName: 'Zoë', familyName: 'Ørsted-Cachée' });
    [author, coAuthor, writer, stranger, network, hidden] = await Promise.all([
      ctx.signInAs(authorPerson),
      ctx.signInAs(await makePerson(ds, { unit })),
      ctx.signInAs(await makePerson(ds, { unit, givenName: 'Łukasz', familyName: 'Commentateur' })),
      ctx.signInAs(await makePerson(ds, { unit })),
      ctx.signInAs(await makePerson(ds, { roles: ['network_member'] })),
      ctx.signInAs(hiddenPerson),
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('lets an author adopt a colleague’s comment: the mark shows to all, the writer is credited once and told', async () => {
    const idea = await makeIdea(ds, { authors: [authorPerson.person, coAuthor.person] });
    const comment = await makeComment(ds, { idea, author: writer.person });

    // Before: the author may adopt it, the writer and others may not.
    const before = (await author.get(`/api/ideas/${idea.id}/comments`).expect(200)).body;
    expect(before.items[0]).toMatchObject({ id: comment.id, adopted: false, canAdopt: true });
    expect((await writer.get(`/api/ideas/${idea.id}/comments`).expect(200)).body.items[0].canAdopt).toBe(false);

    const adopted = await author.send('put', path(idea, comment.id)).expect(200);
    expect(adopted.body).toMatchObject({ id: comment.id, adopted: true, canAdopt: true });
    // Idempotent, by the same author or a fellow author: one event.
    await author.send('put', path(idea, comment.id)).expect(200);
    await coAuthor.send('put', path(idea, comment.id)).expect(200);
    const thread = (await stranger.get(`/api/ideas/${idea.id}/comments`).expect(200)).body;
    expect(thread.items[0]).toMatchObject({ adopted: true, canAdopt: false });

    const events = await adoptionEvents(comment.id);
    expect(events).toEqual([
      {
        id: expect.any(String),
        actor_id: author.personId,
        public: false,
        data: { commentId: comment.id, personId: writer.personId, byAnonymousAuthor: false },
      },
    ]);
    // Through the outbox, to the ledger's recorder and the notifications.
    const outbox: { name: string }[] = await ds.query(
      `SELECT job_name AS name FROM outbox_message WHERE payload->>'ideaEventId' = $1 ORDER BY job_name`,
      [events[0]!.id],
    );
    expect(outbox.map((o) => o.name)).toEqual(
      expect.arrayContaining(['notifications.dispatch', 'recognition.record_contributions']),
    );
    const recorder = ctx.app.get(LedgerRecorder);
    expect(await recorder.record([events[0]!.id])).toMatchObject({ recorded: 1 });
    expect(await recorder.record([events[0]!.id])).toMatchObject({ recorded: 0 });
    expect(await ctx.app.get(LedgerReplay).replay()).toMatchObject({ recorded: 0 });
    expect(await ledgerRows(idea.id)).toEqual([
      { kind: 'comment_adopted', person_id: writer.personId, anonymous: false },
    ]);

    // Withdrawn then adopted again: the mark follows, the credit stays recorded once, no new event.
    const withdrawn = await author.send('delete', path(idea, comment.id)).expect(200);
    expect(withdrawn.body).toMatchObject({ adopted: false, canAdopt: true });
    await author.send('delete', path(idea, comment.id)).expect(200);
    await coAuthor.send('put', path(idea, comment.id)).expect(200);
    expect(await adoptionEvents(comment.id)).toHaveLength(1);
    expect(await ctx.app.get(LedgerReplay).replay()).toMatchObject({ recorded: 0 });
    expect(await ledgerRows(idea.id)).toHaveLength(1);

    // The writer alone is told, and the sentence names no author.
    const dispatched = await new NotificationDispatcher(ds, {
      emailEnabled: false,
      publicUrl: 'http://127.0.0.1:3000',
    }).dispatch(events[0]!.id);
    expect(dispatched.notified).toBe(1);
    const told: { recipient_id: string }[] = await ds.query(
      `SELECT recipient_id FROM notification WHERE event_id = $1`,
      [events[0]!.id],
    );
    expect(told).toEqual([{ recipient_id: writer.personId }]);
    const centre = JSON.stringify((await writer.get('/api/notifications').expect(200)).body);
    expect(centre).toContain('comment_adopted');
    expect(centre).toContain(`/ideas/${idea.id}#comment-${comment.id}`);
    const said = (locale: 'fr' | 'en') =>
      describeEvent(locale, { type: 'comment_adopted', actor: { kind: 'author' }, ideaTitle: 'T', detail: null });
    expect(said('fr')).toBe('Les auteur·e·s de « T » ont retenu votre commentaire');
    expect(said('en')).toBe('The authors of “T” adopted your comment');
  });

  it('refuses non-authors (403), unknown comments (404), own and authors’ comments (403), hidden ones (409), bad ids (400)', async () => {
    const idea = await makeIdea(ds, { authors: [authorPerson.person, coAuthor.person] });
    const comment = await makeComment(ds, { idea, author: writer.person });
    expectProblem(await stranger.send('put', path(idea, comment.id)), 403, 'not_author');
    expectProblem(await writer.send('put', path(idea, comment.id)), 403, 'not_author');
    // No role makes up for authorship, not even the network's.
    expectProblem(await network.send('put', path(idea, comment.id)), 403, 'not_author');
    expectProblem(await stranger.send('delete', path(idea, comment.id)), 403, 'not_author');
    expectProblem(
      await author.send('put', path(idea, '00000000-0000-4000-8000-000000000000')),
      404,
      'comment_not_found',
    );
    // A comment of another idea is not on this one.
    const other = await makeIdea(ds, { authors: [stranger.person] });
    const elsewhere = await makeComment(ds, { idea: other, author: writer.person });
    expectProblem(await author.send('put', path(idea, elsewhere.id)), 404, 'comment_not_found');
    const own = await makeComment(ds, { idea, author: authorPerson.person });
    expectProblem(await author.send('put', path(idea, own.id)), 403, 'own_comment');
    expectProblem(await coAuthor.send('put', path(idea, own.id)), 403, 'author_comment');
    const hiddenComment = await makeComment(ds, { idea, author: writer.person });
    await ds.getRepository(IdeaComment).update({ id: hiddenComment.id }, { hiddenAt: new Date(), hiddenReason: 'x' });
    expectProblem(await author.send('put', path(idea, hiddenComment.id)), 409, 'comment_hidden');
    expectProblem(
      await author.send('put', `/api/ideas/${idea.id}/comments/not-a-uuid/adoption`),
      400,
      'validation_failed',
      'commentId',
    );
    expectProblem(
      await author.send('put', `/api/ideas/nope/comments/${comment.id}/adoption`),
      400,
      'validation_failed',
      'id',
    );
    // An idea one may not read is absent.
    const draft = await makeIdea(ds, { authors: [stranger.person], status: 'emerge' });
    const draftComment = await makeComment(ds, { idea: draft, author: writer.person });
    expectProblem(await author.send('put', path(draft, draftComment.id)), 404, 'idea_not_found');
    expect(await adoptionEvents(comment.id)).toEqual([]);
    expect((await ds.getRepository(IdeaComment).findOneByOrFail({ id: comment.id })).adoptedAt).toBeNull();
  });

  it('lets an anonymous author adopt without naming them in the answer, the event, the ledger or the audit log', async () => {
    const idea = await makeIdea(ds, { authors: [hiddenPerson.person], anonymous: true, title: 'Idée anonyme' });
    const comment = await makeComment(ds, { idea, author: writer.person });
    const res = await hidden.send('put', path(idea, comment.id)).expect(200);
    expect(res.body).toMatchObject({ adopted: true });
    const markers = identityMarkers(hiddenPerson.person);
    const [event] = await adoptionEvents(comment.id);
    expect(event).toMatchObject({ actor_id: null, data: { personId: writer.personId, byAnonymousAuthor: true } });
    await ctx.app.get(LedgerRecorder).record([event!.id]);
    expect(await ledgerRows(idea.id)).toEqual([
      { kind: 'comment_adopted', person_id: writer.personId, anonymous: false },
    ]);
    await new NotificationDispatcher(ds, { emailEnabled: false, publicUrl: 'http://127.0.0.1:3000' }).dispatch(
      event!.id,
    );
    const audit: unknown[] = await ds.query(`SELECT * FROM audit_event WHERE subject_id IN ($1, $2)`, [
      idea.id,
      comment.id,
    ]);
    const seen = [
      JSON.stringify(res.body),
      JSON.stringify(event),
      JSON.stringify(audit),
      JSON.stringify((await writer.get(`/api/ideas/${idea.id}/comments`).expect(200)).body),
      JSON.stringify((await writer.get('/api/notifications').expect(200)).body),
      JSON.stringify((await stranger.get(`/api/ideas/${idea.id}/comments`).expect(200)).body),
    ].join('\n');
    for (const marker of [...markers, hiddenPerson.person.id]) expect(seen).not.toContain(marker);
    expect(seen).toContain('comment_adopted');
  });
});
