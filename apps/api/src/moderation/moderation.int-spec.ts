import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@eclore/server-identity';
import { ContentReport, Idea, IdeaComment, IdeaEvent } from '@eclore/server-ideas';
import { makeIdea, identityMarkers, unitByCode } from '../../../../test/harness';
import {
  createApiTestContext,
  type ApiTestContext,
  signInMany,
  type Member,
} from '../../../../test/harness/api-context';

/** Reports and the network's moderation queue on the real application (real PostgreSQL and Redis). */
describe('moderation API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let author: Member; // Girard
  let commenter: Member; // Nguyen
  let reporter: Member; // Wilson
  let other: Member; // Monnier
  let network: Member; // Tremblay, whole organisation
  let scopedNetwork: Member; // Gagnon, Direction de la santé
  let admin: Member; // Rochat: no network role

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'moderation', seed: true });
    ({ ds } = ctx);
    [author, commenter, reporter, other, network, scopedNetwork, admin] = await signInMany(ctx, [
      'Girard',
      'Nguyen',
      'Wilson',
      'Monnier',
      'Tremblay',
      'Gagnon',
      'Rochat',
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  async function reportedComment(unitCode: string, options: { anonymous?: boolean } = {}) {
    const idea = await makeIdea(ds, {
      authors: [author.person],
      unit: await unitByCode(ds, unitCode),
      anonymous: options.anonymous,
    });
    const comment = await commenter
      .send('post', `/api/ideas/${idea.id}/comments`, { bodyHtml: '<p>Rude words here</p>' })
      .expect(201);
    const report = await reporter
      .send('post', '/api/reports', { targetType: 'comment', targetId: comment.body.id, reason: 'Insulting' })
      .expect(201);
    return { idea, commentId: comment.body.id as string, reportId: report.body.id as string };
  }

  it('takes a report once per person and target', async () => {
    const { commentId } = await reportedComment('DS-SOINS');
    const again = await reporter
      .send('post', '/api/reports', { targetType: 'comment', targetId: commentId, reason: 'Still rude' })
      .expect(409);
    expect(again.body.code).toBe('already_reported');
    // Someone else may report it too.
    await other
      .send('post', '/api/reports', { targetType: 'comment', targetId: commentId, reason: 'Offensive' })
      .expect(201);
    expect(await ds.getRepository(ContentReport).countBy({ targetId: commentId })).toBe(2);
    const audit = await ds.getRepository(AuditEvent).findBy({ action: 'content.reported', subjectId: commentId });
    expect(audit).toHaveLength(2);
  });

  it('validates the report and hides what the reporter cannot read', async () => {
    const bad = await reporter
      .send('post', '/api/reports', { targetType: 'person', targetId: 'x', reason: '' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reason', 'targetId', 'targetType']);
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const hidden = await reporter
      .send('post', '/api/reports', { targetType: 'idea', targetId: draft.id, reason: 'x' })
      .expect(404);
    expect(hidden.body.code).toBe('idea_not_found');
  });

  it('shows the queue to network members only, each within their scope', async () => {
    const inHealth = await reportedComment('DS-SOINS');
    const inDigital = await reportedComment('DN-DATA');
    expect((await reporter.get('/api/moderation/reports').expect(403)).body.code).toBe('role_required');
    expect((await admin.get('/api/moderation/reports').expect(403)).body.code).toBe('role_required');
    const all = await network.get('/api/moderation/reports').expect(200);
    const ids = all.body.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([inHealth.reportId, inDigital.reportId]));
    const item = all.body.find((r: { id: string }) => r.id === inHealth.reportId);
    expect(item).toMatchObject({
      targetType: 'comment',
      targetId: inHealth.commentId,
      ideaId: inHealth.idea.id,
      excerpt: 'Rude words here',
      reason: 'Insulting',
    });
    const scoped = (await scopedNetwork.get('/api/moderation/reports').expect(200)).body.map(
      (r: { id: string }) => r.id,
    );
    expect(scoped).toContain(inHealth.reportId);
    expect(scoped).not.toContain(inDigital.reportId);
  });

  it('hides a comment with a reason: the text goes, the reason is for its author and the network, all is audited', async () => {
    const { idea, commentId, reportId } = await reportedComment('DN-DATA');
    await other
      .send('post', '/api/reports', { targetType: 'comment', targetId: commentId, reason: 'Offensive' })
      .expect(201);
    expect(
      (await reporter.send('post', `/api/moderation/reports/${reportId}/hide`, { reason: 'x' }).expect(403)).body.code,
    ).toBe('role_required');
    expect(
      (await scopedNetwork.send('post', `/api/moderation/reports/${reportId}/hide`, { reason: 'x' }).expect(403)).body
        .code,
    ).toBe('out_of_scope');
    const noReason = await network
      .send('post', `/api/moderation/reports/${reportId}/hide`, { reason: '   ' })
      .expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'isNotEmpty' })]);

    const res = await network
      .send('post', `/api/moderation/reports/${reportId}/hide`, { reason: 'Personal attack' })
      .expect(200);
    expect(res.body).toEqual({ id: reportId, resolution: 'hidden' });

    expect(await ds.getRepository(IdeaComment).findOneByOrFail({ id: commentId })).toMatchObject({
      hiddenReason: 'Personal attack',
    });
    expect((await ds.getRepository(Idea).findOneByOrFail({ id: idea.id })).commentCount).toBe(0);
    // Both open reports on the comment are resolved by the one act.
    expect(await ds.getRepository(ContentReport).findBy({ targetId: commentId })).toEqual([
      expect.objectContaining({ resolution: 'hidden', resolvedBy: network.person.id }),
      expect.objectContaining({ resolution: 'hidden', resolvedBy: network.person.id }),
    ]);

    const seenByOthers = (await reporter.get(`/api/ideas/${idea.id}/comments`).expect(200)).body.items[0];
    expect(seenByOthers).toMatchObject({ bodyHtml: null, mentions: [], hidden: { reason: null } });
    const seenByAuthor = (await commenter.get(`/api/ideas/${idea.id}/comments`).expect(200)).body.items[0];
    expect(seenByAuthor).toMatchObject({ bodyHtml: '<p>Rude words here</p>', hidden: { reason: 'Personal attack' } });
    const seenByNetwork = (await network.get(`/api/ideas/${idea.id}/comments`).expect(200)).body.items[0];
    expect(seenByNetwork.hidden.reason).toBe('Personal attack');

    const told = await ds.getRepository(IdeaEvent).findOneByOrFail({ ideaId: idea.id, type: 'comment_hidden' });
    expect(told).toMatchObject({
      public: false,
      data: { commentId, reason: 'Personal attack', reportId, notify: 'comment_author' },
    });
    const audit = await ds
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'moderation.hidden', subjectId: commentId });
    expect(audit).toMatchObject({
      actorId: network.person.id,
      subjectType: 'comment',
      data: expect.objectContaining({ reportId, reason: 'Personal attack' }),
    });

    expect(
      (await network.send('post', `/api/moderation/reports/${reportId}/hide`, { reason: 'again' }).expect(409)).body
        .code,
    ).toBe('report_resolved');
    expect(
      (await network.get('/api/moderation/reports').expect(200)).body.map((r: { id: string }) => r.id),
    ).not.toContain(reportId);
  });

  it('hides an idea: off the wall for others, its authors told', async () => {
    const idea = await makeIdea(ds, { authors: [author.person], unit: await unitByCode(ds, 'DS-PREV') });
    const report = await reporter
      .send('post', '/api/reports', { targetType: 'idea', targetId: idea.id, reason: 'Names a colleague' })
      .expect(201);
    await scopedNetwork
      .send('post', `/api/moderation/reports/${report.body.id}/hide`, { reason: 'Names a person' })
      .expect(200);
    expect(await ds.getRepository(Idea).findOneByOrFail({ id: idea.id })).toMatchObject({
      hiddenReason: 'Names a person',
    });
    expect((await reporter.get(`/api/ideas/${idea.id}/comments`).expect(404)).body.code).toBe('idea_not_found');
    await author.get(`/api/ideas/${idea.id}/comments`).expect(200);
    const event = await ds.getRepository(IdeaEvent).findOneByOrFail({ ideaId: idea.id, type: 'hidden' });
    expect(event).toMatchObject({
      public: false,
      data: expect.objectContaining({ reason: 'Names a person', notify: 'idea_authors' }),
    });
  });

  it('dismisses a report: content unchanged, audited, network only', async () => {
    const { idea, reportId } = await reportedComment('DS-SOINS');
    expect((await author.send('post', `/api/moderation/reports/${reportId}/dismiss`).expect(403)).body.code).toBe(
      'role_required',
    );
    const res = await scopedNetwork.send('post', `/api/moderation/reports/${reportId}/dismiss`).expect(200);
    expect(res.body).toEqual({ id: reportId, resolution: 'dismissed' });
    expect((await reporter.get(`/api/ideas/${idea.id}/comments`).expect(200)).body.items[0].hidden).toBeNull();
    const audit = await ds
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'moderation.dismissed', actorId: scopedNetwork.person.id });
    expect(audit.data).toMatchObject({ reportId });
    expect(
      (await scopedNetwork.send('post', `/api/moderation/reports/${reportId}/dismiss`).expect(409)).body.code,
    ).toBe('report_resolved');
    await network.send('post', '/api/moderation/reports/00000000-0000-4000-8000-000000000000/dismiss').expect(404);
  });

  it('never shows an anonymous author in the queue', async () => {
    const idea = await makeIdea(ds, {
      authors: [author.person],
      unit: await unitByCode(ds, 'DS-SOINS'),
      anonymous: true,
    });
    const c = await author
      .send('post', `/api/ideas/${idea.id}/comments`, { bodyHtml: 'My own clarification' })
      .expect(201);
    await reporter
      .send('post', '/api/reports', { targetType: 'comment', targetId: c.body.id, reason: 'Spam' })
      .expect(201);
    await reporter.send('post', '/api/reports', { targetType: 'idea', targetId: idea.id, reason: 'Spam' }).expect(201);
    const queue = await network.get('/api/moderation/reports').expect(200);
    expect(queue.text).toContain(c.body.id);
    for (const marker of identityMarkers(author.person)) expect(queue.text).not.toContain(marker);
  });
});
