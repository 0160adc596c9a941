import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaComment, IdeaEvent, IdeaFollow, Support, follow } from '@eclore/server-ideas';
import { makeCampaign, makeIdea, identityMarkers, unitByCode } from '../../../../test/harness';
import {
  signInMany,
  type Member,
  createApiTestContext,
  type ApiTestContext,
} from '../../../../test/harness/api-context';

/**
 * Supports, follows, comments with mentions and merging duplicates, over real HTTP on the real
 * application (seeded demo organisation, real PostgreSQL and Redis).
 */
describe('idea engagement API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let author: Member; // Girard (DS-SOINS)
  let emily: Member; // Wilson
  let monnier: Member;
  let nguyen: Member;
  let network: Member; // Tremblay, whole organisation
  let scopedNetwork: Member; // Gagnon, Direction de la santé only

  const reload = (id: string) => ds.getRepository(Idea).findOneByOrFail({ id });

  beforeAll(async () => {
    // A real listening socket: the parallel requests below are real concurrent HTTP requests.
    ctx = await createApiTestContext({ label: 'engagement', seed: true, listen: true });
    ({ ds } = ctx);
    [author, emily, monnier, nguyen, network, scopedNetwork] = await signInMany(ctx, [
      'Girard',
      'Wilson',
      'Monnier',
      'Nguyen',
      'Tremblay',
      'Gagnon',
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('supports', () => {
    it('counts 50 parallel supports from one person exactly once', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => emily.send('put', `/api/ideas/${idea.id}/support`)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(responses.every((r) => r.body.supported === true && r.body.supportCount === 1)).toBe(true);
      expect(await ds.getRepository(Support).countBy({ ideaId: idea.id })).toBe(1);
      expect((await reload(idea.id)).supportCount).toBe(1);
    });

    it('is idempotent and withdrawable, the counter following the rows', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      await emily.send('put', `/api/ideas/${idea.id}/support`).expect(200);
      await monnier.send('put', `/api/ideas/${idea.id}/support`).expect(200);
      const again = await emily.send('put', `/api/ideas/${idea.id}/support`).expect(200);
      expect(again.body).toEqual({ supported: true, supportCount: 2 });
      const withdrawn = await emily.send('delete', `/api/ideas/${idea.id}/support`).expect(200);
      expect(withdrawn.body).toEqual({ supported: false, supportCount: 1 });
      const twice = await emily.send('delete', `/api/ideas/${idea.id}/support`).expect(200);
      expect(twice.body).toEqual({ supported: false, supportCount: 1 });
      const state = await emily.get(`/api/ideas/${idea.id}/engagement`).expect(200);
      expect(state.body).toMatchObject({
        supported: false,
        supportCount: 1,
        canSupport: { allowed: true, reason: null },
      });
    });

    it('refuses the author’s own support (403 own_idea)', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      const res = await author.send('put', `/api/ideas/${idea.id}/support`).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('own_idea');
    });

    it('refuses when the campaign phase has supports closed (409 supports_closed), and says so beforehand', async () => {
      const campaign = await makeCampaign(ds, {
        createdBy: network.person,
        phase: { supports: false, comments: true },
      });
      const idea = await makeIdea(ds, { authors: [author.person], campaign: campaign });
      const res = await emily.send('put', `/api/ideas/${idea.id}/support`).expect(409);
      expect(res.body.code).toBe('supports_closed');
      expect((await reload(idea.id)).supportCount).toBe(0);
      const state = await emily.get(`/api/ideas/${idea.id}/engagement`).expect(200);
      expect(state.body.canSupport).toEqual({ allowed: false, reason: 'supports_closed' });
      expect(state.body.canComment).toEqual({ allowed: true, reason: null });
    });

    it('hides a draft: 404 idea_not_found to anyone but its authors', async () => {
      const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
      const res = await emily.send('put', `/api/ideas/${draft.id}/support`).expect(404);
      expect(res.body.code).toBe('idea_not_found');
      await emily.get(`/api/ideas/${draft.id}/comments`).expect(404);
    });
  });

  describe('follows', () => {
    it('is idempotent both ways and keeps follower_count exact', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      await Promise.all([1, 2, 3].map(() => emily.send('put', `/api/ideas/${idea.id}/follow`).expect(200)));
      const followed = await emily.send('put', `/api/ideas/${idea.id}/follow`).expect(200);
      expect(followed.body).toEqual({ following: true, followerCount: 1 });
      await emily.send('delete', `/api/ideas/${idea.id}/follow`).expect(200);
      const again = await emily.send('delete', `/api/ideas/${idea.id}/follow`).expect(200);
      expect(again.body).toEqual({ following: false, followerCount: 0 });
      expect((await reload(idea.id)).followerCount).toBe(0);
    });

    it('offers follow(manager, ideaId, personId) to the submit command: once, counted', async () => {
      const idea = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
      const results = await ds.transaction(async (m) => [
        await follow(m, idea.id, author.person.id),
        await follow(m, idea.id, author.person.id),
      ]);
      expect(results).toEqual([true, false]);
      expect((await reload(idea.id)).followerCount).toBe(1);
      expect(await ds.getRepository(IdeaFollow).countBy({ ideaId: idea.id })).toBe(1);
    });
  });

  describe('comments', () => {
    it('threads replies, sanitises, resolves mentions to active people and records a mentioned event per person', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      const first = await emily
        .send('post', `/api/ideas/${idea.id}/comments`, {
          bodyHtml: `<p>Same here <script>alert(1)</script>@[Whoever](${monnier.person.id}) and @[Ghost](00000000-0000-4000-8000-000000000000)</p>`,
        })
        .expect(201);
      expect(first.body.bodyHtml).not.toContain('<script');
      expect(first.body.bodyHtml).toContain(`data-person-id="${monnier.person.id}">@Aurélie Monnier</span>`);
      expect(first.body.bodyHtml).toContain('@Ghost');
      expect(first.body.mentions).toEqual([{ id: monnier.person.id, givenName: 'Aurélie', familyName: 'Monnier' }]);

      const reply = await monnier
        .send('post', `/api/ideas/${idea.id}/comments`, { bodyHtml: '<p>Thanks!</p>', parentId: first.body.id })
        .expect(201);
      expect(reply.body.parentId).toBe(first.body.id);

      const thread = await nguyen.get(`/api/ideas/${idea.id}/comments`).expect(200);
      expect(thread.body.commentCount).toBe(2);
      expect(thread.body.items).toHaveLength(1);
      expect(thread.body.items[0]).toMatchObject({
        id: first.body.id,
        author: { id: emily.person.id, givenName: 'Emily', familyName: 'Wilson' },
        byIdeaAuthor: false,
        replies: [{ id: reply.body.id, parentId: first.body.id, replies: [] }],
      });

      const mentioned = await ds.getRepository(IdeaEvent).findBy({ ideaId: idea.id, type: 'mentioned' });
      expect(mentioned.map((e) => e.data)).toEqual([
        { commentId: first.body.id, personId: monnier.person.id, byAnonymousAuthor: false },
      ]);
      expect((await ds.getRepository(IdeaComment).findOneByOrFail({ id: first.body.id })).mentions).toEqual([
        monnier.person.id,
      ]);
      expect((await reload(idea.id)).commentCount).toBe(2);
    });

    it('resolves mentions in the text only: a token in a link cannot break out of its href (finding 9)', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      // On main the href's token was replaced by `<span class="ec-mention" …>`, whose quote closed the href.
      const token = `@[x](${monnier.person.id})`;
      const res = await emily
        .send('post', `/api/ideas/${idea.id}/comments`, {
          bodyHtml: `<p><a href="https://example.org/${token}">link</a> @[Typed](${monnier.person.id})</p>`,
        })
        .expect(201);
      const html = res.body.bodyHtml as string;
      // The text token became one mention; the href kept its token as URL text, with no new attribute.
      expect(html.match(/class="ec-mention"/g)).toHaveLength(1);
      expect(html).toContain(`<a href="https://example.org/${token}" rel="noopener noreferrer">link</a>`);
      const mentioned = await ds.getRepository(IdeaEvent).findBy({ ideaId: idea.id, type: 'mentioned' });
      expect(mentioned).toHaveLength(1);
    });

    it('names the faulty field: empty body, unknown parent', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      const empty = await emily
        .send('post', `/api/ideas/${idea.id}/comments`, { bodyHtml: '<script>x</script>' })
        .expect(400);
      expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'bodyHtml', code: 'isNotEmpty' })]);
      const orphan = await emily
        .send('post', `/api/ideas/${idea.id}/comments`, {
          bodyHtml: 'x',
          parentId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(400);
      expect(orphan.body.errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'unknown_parent' })]);
    });

    it('refuses comments when the phase has them closed (409 comments_closed)', async () => {
      const campaign = await makeCampaign(ds, {
        createdBy: network.person,
        phase: { supports: true, comments: false },
      });
      const idea = await makeIdea(ds, { authors: [author.person], campaign: campaign });
      const res = await emily.send('post', `/api/ideas/${idea.id}/comments`, { bodyHtml: 'hello' }).expect(409);
      expect(res.body.code).toBe('comments_closed');
    });

    it('shows an anonymous idea’s author as “the author” to others, and never their identity', async () => {
      const idea = await makeIdea(ds, { authors: [author.person], anonymous: true });
      const mine = await author
        .send('post', `/api/ideas/${idea.id}/comments`, {
          bodyHtml: `<p>I wrote this, ask @[Emily](${emily.person.id})</p>`,
        })
        .expect(201);
      expect(mine.body.author?.id).toBe(author.person.id); // the author sees themselves
      const bodies: string[] = [];
      for (const viewer of [emily, nguyen, network]) {
        const res = await viewer.get(`/api/ideas/${idea.id}/comments`).expect(200);
        expect(res.body.items[0]).toMatchObject({ author: null, byIdeaAuthor: true });
        bodies.push(res.text);
        bodies.push((await viewer.get(`/api/ideas/${idea.id}/engagement`).expect(200)).text);
      }
      for (const body of bodies)
        for (const marker of identityMarkers(author.person)) expect(body).not.toContain(marker);
      const events = await ds.getRepository(IdeaEvent).findBy({ ideaId: idea.id });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.actorId).toBeNull();
        expect(JSON.stringify(e.data)).not.toContain(author.person.id);
      }
    });
  });

  describe('merging duplicates', () => {
    async function duplicatePair(options: { anonymousSource: boolean; unitCode?: string }) {
      const unit = await unitByCode(ds, options.unitCode ?? 'DS-SOINS');
      const target = await makeIdea(ds, { authors: [monnier.person], unit, title: 'Night handover notes get lost' });
      const source = await makeIdea(ds, {
        authors: [author.person],
        unit,
        anonymous: options.anonymousSource,
        title: 'Handover notes vanish',
      });
      // Emily supports both (counted once on the target); Nguyen only the duplicate.
      for (const m of [emily, nguyen]) await m.send('put', `/api/ideas/${source.id}/support`).expect(200);
      await emily.send('put', `/api/ideas/${target.id}/support`).expect(200);
      for (const m of [emily, nguyen]) await m.send('put', `/api/ideas/${source.id}/follow`).expect(200);
      await emily.send('put', `/api/ideas/${target.id}/follow`).expect(200);
      const top = await nguyen
        .send('post', `/api/ideas/${source.id}/comments`, { bodyHtml: 'Happens every night' })
        .expect(201);
      const reply = await author
        .send('post', `/api/ideas/${source.id}/comments`, { bodyHtml: 'Yes, I noticed', parentId: top.body.id })
        .expect(201);
      return { source, target, topId: top.body.id as string, replyId: reply.body.id as string };
    }

    it('moves supports (once per person), followers, comment threads and credit, in one command', async () => {
      const { source, target, topId, replyId } = await duplicatePair({ anonymousSource: false });
      const res = await network
        .send('post', `/api/ideas/${source.id}/merge`, { targetId: target.id, reason: 'Same irritant' })
        .expect(200);
      expect(res.body).toEqual({
        targetId: target.id,
        supportsMoved: 1,
        followersMoved: 1,
        commentsMoved: 2,
        coAuthorsCredited: 1,
      });

      const [s, t] = [await reload(source.id), await reload(target.id)];
      expect(s).toMatchObject({
        status: 'merged',
        mergedIntoId: target.id,
        supportCount: 0,
        followerCount: 0,
        commentCount: 0,
      });
      expect(t).toMatchObject({ supportCount: 2, followerCount: 2, commentCount: 2 });
      expect((await ds.getRepository(Support).findBy({ ideaId: target.id })).map((r) => r.personId).sort()).toEqual(
        [emily.person.id, nguyen.person.id].sort(),
      );
      expect(
        await ds.getRepository(IdeaAuthor).findOneByOrFail({ ideaId: target.id, personId: author.person.id }),
      ).toMatchObject({
        role: 'co_author',
        status: 'accepted',
        anonymous: false,
      });

      const thread = await emily.get(`/api/ideas/${target.id}/comments`).expect(200);
      const moved = thread.body.items.find((c: { id: string }) => c.id === topId);
      expect(moved).toMatchObject({ mergedFrom: { ideaId: source.id, ideaTitle: 'Handover notes vanish' } });
      expect(moved.replies.map((r: { id: string }) => r.id)).toEqual([replyId]);
      // The duplicate's author is now credited on the target: their reply is “by an idea author”.
      expect(moved.replies[0]).toMatchObject({ byIdeaAuthor: true, author: { id: author.person.id } });

      const events = await ds.getRepository(IdeaEvent).findBy({ type: 'merged' });
      const onSource = events.find((e) => e.ideaId === source.id)!;
      const onTarget = events.find((e) => e.ideaId === target.id)!;
      expect(onSource).toMatchObject({ fromStatus: 'visible', toStatus: 'merged', actorId: network.person.id });
      expect(onSource.data).toMatchObject({
        targetId: target.id,
        reason: 'Same irritant',
        recipients: { authorsOfIdeaId: source.id },
      });
      expect((onSource.data['recipients'] as { supporterIds: string[] }).supporterIds.sort()).toEqual(
        [emily.person.id, nguyen.person.id].sort(),
      );
      expect((onSource.data['recipients'] as { followerIds: string[] }).followerIds.sort()).toEqual(
        [emily.person.id, nguyen.person.id].sort(),
      );
      expect(onTarget.data).toMatchObject({
        fromIdeaId: source.id,
        movedCommentIds: expect.arrayContaining([topId, replyId]),
      });
      const audit = await ds.getRepository(AuditEvent).findOneByOrFail({ action: 'idea.merged', subjectId: source.id });
      expect(audit.actorId).toBe(network.person.id);

      // A merged idea takes no more supports, and cannot be merged again.
      expect((await emily.send('put', `/api/ideas/${source.id}/support`).expect(409)).body.code).toBe('idea_ended');
      expect(
        (
          await network
            .send('post', `/api/ideas/${source.id}/merge`, { targetId: target.id, reason: 'again' })
            .expect(409)
        ).body.code,
      ).toBe('transition_not_allowed');
    });

    it('keeps an anonymous duplicate’s author anonymous on the target', async () => {
      const { source, target } = await duplicatePair({ anonymousSource: true });
      await network
        .send('post', `/api/ideas/${source.id}/merge`, { targetId: target.id, reason: 'Duplicate' })
        .expect(200);
      expect(
        await ds.getRepository(IdeaAuthor).findOneByOrFail({ ideaId: target.id, personId: author.person.id }),
      ).toMatchObject({
        role: 'co_author',
        status: 'accepted',
        anonymous: true,
      });
      // Neither other readers, nor the target's own author, learn who wrote the duplicate.
      for (const viewer of [emily, monnier, network]) {
        const res = await viewer.get(`/api/ideas/${target.id}/comments`).expect(200);
        for (const marker of identityMarkers(author.person)) expect(res.text).not.toContain(marker);
        expect(JSON.stringify(res.body)).toContain('"byIdeaAuthor":true');
      }
      const self = await author.get(`/api/ideas/${target.id}/comments`).expect(200);
      expect(self.text).toContain(author.person.id);
      const events = await ds.getRepository(IdeaEvent).findBy({ type: 'merged' });
      for (const e of events.filter((x) => x.ideaId === source.id || x.ideaId === target.id)) {
        expect(JSON.stringify(e.data)).not.toContain(author.person.id);
      }
    });

    it('is the network’s, within its scope; the target must be a readable, open idea', async () => {
      const { source, target } = await duplicatePair({ anonymousSource: false, unitCode: 'DN-DATA' });
      expect(
        (await emily.send('post', `/api/ideas/${source.id}/merge`, { targetId: target.id, reason: 'x' }).expect(403))
          .body.code,
      ).toBe('role_required');
      expect(
        (
          await scopedNetwork
            .send('post', `/api/ideas/${source.id}/merge`, { targetId: target.id, reason: 'x' })
            .expect(403)
        ).body.code,
      ).toBe('out_of_scope');
      const draft = await makeIdea(ds, { authors: [monnier.person], status: 'emerge' });
      const toDraft = await network
        .send('post', `/api/ideas/${source.id}/merge`, { targetId: draft.id, reason: 'x' })
        .expect(400);
      expect(toDraft.body.errors).toEqual([expect.objectContaining({ field: 'targetId', code: 'unknown_target' })]);
      const ended = await makeIdea(ds, { authors: [monnier.person], status: 'declined' });
      const toEnded = await network
        .send('post', `/api/ideas/${source.id}/merge`, { targetId: ended.id, reason: 'x' })
        .expect(400);
      expect(toEnded.body.errors).toEqual([expect.objectContaining({ field: 'targetId', code: 'target_not_open' })]);
      const self = await network
        .send('post', `/api/ideas/${source.id}/merge`, { targetId: source.id, reason: 'x' })
        .expect(400);
      expect(self.body.errors).toEqual([expect.objectContaining({ field: 'targetId', code: 'not_itself' })]);
      const noReason = await network.send('post', `/api/ideas/${source.id}/merge`, { targetId: target.id }).expect(400);
      expect(noReason.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
      expect((await reload(source.id)).status).toBe('visible');
    });
  });
});
