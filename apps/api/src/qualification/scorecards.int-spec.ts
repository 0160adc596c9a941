import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DEFAULT_CRITERIA } from '@eclore/domain';
import { Person, RoleGrant } from '@eclore/server-identity';
import {
  consolidatedScorecards,
  CriteriaSet,
  openAssigneeIds,
  QualificationAssignment,
} from '@eclore/server-qualification';
import { makeCampaign, makeIdea, unitByCode } from '../../../../test/harness';
import {
  createApiTestContext,
  type ApiTestContext,
  signInMany,
  type Member,
} from '../../../../test/harness/api-context';

/**
 * Criteria sets, scorecards, the consolidated view and the outcomes of qualification against the
 * real API and PostgreSQL. Ideas are written in the qualification stage by their DS colleague
 * Pittet; Gagnon (network, DS) and Tremblay (network, organisation) are assigned to review them;
 * Wilson is made a network member scoped to the Direction du numérique (out of scope here).
 */
describe('qualification: criteria, scorecards and outcomes (API)', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let girard: Member; // employee, follows the ideas
  let gagnon: Member; // network member, DS
  let tremblay: Member; // network member, whole organisation
  let wilson: Member; // network member, DN (granted here)
  let morel: Member; // committee member
  let rochat: Member; // admin
  let pittet: Member; // the ideas' author

  const full = (n: [number, number, number, number, number]) => ({
    user_value: n[0],
    feasibility: n[1],
    cost: n[2],
    strategic_alignment: n[3],
    replicability: n[4],
  });

  async function ideaInQualification(options: { assign?: Member[]; campaignId?: string } = {}): Promise<string> {
    const idea = await makeIdea(ds, {
      authors: [pittet.person],
      unit: await unitByCode(ds, 'DS-SOINS'),
      status: 'qualify',
      campaign: options.campaignId ? { id: options.campaignId } : null,
    });
    for (const m of options.assign ?? []) {
      await ds.getRepository(QualificationAssignment).insert({
        ideaId: idea.id,
        personId: m.person.id,
        assignedBy: null,
        assignedAt: new Date(),
        endedAt: null,
        endReason: null,
      });
    }
    // Girard follows it: the answer must reach followers too.
    await girard.send('put', `/api/ideas/${idea.id}/follow`).expect(200);
    return idea.id;
  }

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'scorecards', seed: true });
    ({ ds } = ctx);
    const wilsonRow = await ds.getRepository(Person).findOneByOrFail({ familyName: 'Wilson' });
    await ds.getRepository(RoleGrant).insert({
      personId: wilsonRow.id,
      role: 'network_member',
      scopeKind: 'org_unit',
      scopeOrgUnitId: (await unitByCode(ds, 'DN')).id,
      scopeTheme: null,
      grantedBy: null,
    });
    [girard, gagnon, tremblay, wilson, morel, rochat, pittet] = await signInMany(ctx, [
      'Girard',
      'Gagnon',
      'Tremblay',
      'Wilson',
      'Morel',
      'Rochat',
      'Pittet',
    ] as const);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('scoring', () => {
    let ideaId: string;
    beforeAll(async () => {
      ideaId = await ideaInQualification({ assign: [gagnon, tremblay] });
    });

    it('refuses employees, out-of-scope and unassigned network members, and the author', async () => {
      const body = { scores: full([3, 3, 3, 3, 3]), comment: 'x' };
      const employee = await girard.send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, body).expect(403);
      expect(employee.body.code).toBe('role_required');
      await girard.get(`/api/ideas/${ideaId}/scorecards`).expect(403);
      const outside = await wilson.send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, body).expect(403);
      expect(outside.body.code).toBe('out_of_scope');
      expect((await wilson.get(`/api/ideas/${ideaId}/scorecards`).expect(403)).body.code).toBe('out_of_scope');
      const unassignedIdea = await ideaInQualification();
      const unassigned = await gagnon
        .send('post', `/api/ideas/${unassignedIdea}/scorecards/me/submit`, body)
        .expect(403);
      expect(unassigned.body.code).toBe('not_assigned');
      // The committee reads but never scores.
      expect((await morel.send('put', `/api/ideas/${ideaId}/scorecards/me`, body).expect(403)).body.code).toBe(
        'role_required',
      );
      // The author is no reviewer of their own idea, even if the network counts them.
      expect((await pittet.get(`/api/ideas/${ideaId}/scorecards`).expect(403)).body.code).toBe('role_required');
    });

    it('answers 400 problem+json naming the field for an out-of-range, missing or unknown score', async () => {
      const res = await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, {
          scores: { ...full([3, 3, 3, 3, 3]), cost: 6 },
          comment: '',
        })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'scores.cost', code: 'out_of_range' })]),
      );
      const missing = await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: { user_value: 4 }, comment: '' })
        .expect(400);
      expect(JSON.stringify(missing.body)).toContain('scores.feasibility');
      const unknown = await gagnon
        .send('put', `/api/ideas/${ideaId}/scorecards/me`, { scores: { charm: 4 }, comment: '' })
        .expect(400);
      expect(JSON.stringify(unknown.body)).toContain('scores.charm');
      const noComment = await gagnon.send('put', `/api/ideas/${ideaId}/scorecards/me`, { scores: {} }).expect(400);
      expect(JSON.stringify(noComment.body)).toContain('comment');
    });

    it('keeps a draft out of the consolidation, then consolidates the submitted scorecards', async () => {
      const draft = await gagnon
        .send('put', `/api/ideas/${ideaId}/scorecards/me`, { scores: { user_value: 5 }, comment: 'À compléter' })
        .expect(200);
      expect(draft.body.mine).toMatchObject({ status: 'draft', scores: { user_value: 5 }, submittedAt: null });
      expect(draft.body.canScore).toBe(true);
      expect(draft.body.consolidated.reviewerCount).toBe(0);

      await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, {
          scores: full([5, 2, 3, 4, 1]),
          comment: 'Fort impact, difficile à outiller.',
        })
        .expect(200);
      await tremblay
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: full([3, 4, 3, 4, 3]), comment: 'Utile.' })
        .expect(200);

      const view = (await morel.get(`/api/ideas/${ideaId}/scorecards`).expect(200)).body;
      expect(view.canScore).toBe(false);
      // The demo seed stores the default set.
      expect(view.criteriaSource).toBe('organisation');
      expect(view.consolidated).toMatchObject({
        reviewerCount: 2,
        // (3·4 + 2·3 + 2·3 + 2·4 + 1·2) / 10
        weightedScore: 3.4,
        // (3·4 + 2·4 + 1·2) / 6
        value: 3.67,
        // 6 − (2·3 + 2·3) / 4
        effort: 3,
        maxSpread: 2,
      });
      expect(
        view.consolidated.criteria.map((c: { key: string; mean: number; min: number; max: number; spread: number }) => [
          c.key,
          c.mean,
          c.min,
          c.max,
          c.spread,
        ]),
      ).toEqual([
        ['user_value', 4, 3, 5, 2],
        ['feasibility', 3, 2, 4, 2],
        ['cost', 3, 3, 3, 0],
        ['strategic_alignment', 4, 4, 4, 0],
        ['replicability', 2, 1, 3, 2],
      ]);
      expect(view.consolidated.reviews.map((r: { reviewer: { familyName: string } }) => r.reviewer.familyName)).toEqual(
        ['Gagnon', 'Tremblay'],
      );
      // Admins are no reviewers: the scorecards are the network's and the committee's.
      await rochat.get(`/api/ideas/${ideaId}/scorecards`).expect(403);
    });

    it('counts a reviewer once: submitting again updates the scorecard; a draft cannot replace it', async () => {
      await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: full([3, 2, 3, 4, 1]), comment: 'Revu.' })
        .expect(200);
      const again = await gagnon
        .send('put', `/api/ideas/${ideaId}/scorecards/me`, { scores: { user_value: 1 }, comment: '' })
        .expect(409);
      expect(again.body.code).toBe('already_submitted');
      const map = await consolidatedScorecards(ds.manager, [ideaId, '00000000-0000-4000-8000-000000000000']);
      expect([...map.keys()]).toEqual([ideaId]);
      const card = map.get(ideaId)!;
      expect(card.reviewerCount).toBe(2);
      expect(card.criteria[0]).toMatchObject({ key: 'user_value', mean: 3, spread: 0 });
      expect(card.reviews.find((r) => r.reviewerId === gagnon.person.id)?.comment).toBe('Revu.');
    });
  });

  describe('criteria sets', () => {
    const criterion = (key: string, weight: number) => ({
      key,
      label: { fr: `Critère ${key}`, en: `Criterion ${key}` },
      description: { fr: 'Description', en: 'Description' },
      weight,
      axis: 'value',
      levels: [1, 2, 3, 4, 5].map((n) => ({ fr: `Niveau ${n}`, en: `Level ${n}` })),
    });

    it('lets admins and organisation-wide network members edit the default set, with a version check', async () => {
      const before = (await morel.get('/api/criteria-sets/default').expect(200)).body;
      // Stored by the demo seed (without it, the built-in default answers with version 0).
      expect(before).toMatchObject({ source: 'organisation', canManage: false });
      expect(before.criteria).toHaveLength(5);
      const v = before.version as number;
      await girard.get('/api/criteria-sets/default').expect(403);
      const scoped = await gagnon.send('put', '/api/criteria-sets/default', { criteria: before.criteria }).expect(403);
      expect(scoped.body.code).toBe('out_of_scope');
      const criteria = before.criteria.map((c: { key: string; weight: number }) =>
        c.key === 'cost' ? { ...c, weight: 4 } : c,
      );
      const saved1 = await tremblay.send('put', '/api/criteria-sets/default', { criteria, version: v }).expect(200);
      expect(saved1.body).toMatchObject({ source: 'organisation', version: v + 1, canManage: true });
      expect(saved1.body.criteria.find((c: { key: string }) => c.key === 'cost').weight).toBe(4);
      const stale = await rochat.send('put', '/api/criteria-sets/default', { criteria, version: v }).expect(409);
      expect(stale.body.code).toBe('stale_version');
      const invalid = await rochat
        .send('put', '/api/criteria-sets/default', { criteria: [criterion('a', 0), criterion('a', 1)], version: v + 1 })
        .expect(400);
      const fields = invalid.body.errors as { field: string }[];
      expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['criteria.0.weight', 'criteria.1.key']));
      // Back to the shipped weights for the other tests.
      await rochat.send('put', '/api/criteria-sets/default', { criteria: before.criteria, version: v + 1 }).expect(200);
    });

    it('falls back to the built-in default until the organisation saves its own', async () => {
      await ds.getRepository(CriteriaSet).delete({ kind: 'default' });
      const builtIn = (await tremblay.get('/api/criteria-sets/default').expect(200)).body;
      expect(builtIn).toMatchObject({ source: 'built_in', version: 0, updatedAt: null, canManage: true });
      expect(builtIn.criteria.map((c: { key: string }) => c.key)).toEqual(DEFAULT_CRITERIA.map((c) => c.key));
      const saved = await tremblay
        .send('put', '/api/criteria-sets/default', { criteria: builtIn.criteria, version: 0 })
        .expect(200);
      expect(saved.body).toMatchObject({ source: 'organisation', version: 1 });
    });

    it('gives a campaign its own set, which its ideas are scored against', async () => {
      const campaign = await makeCampaign(ds, {
        createdBy: tremblay.person,
        phase: { supports: true, comments: true },
      });
      const inherited = (await gagnon.get(`/api/campaigns/${campaign.id}/criteria-set`).expect(200)).body;
      expect(inherited).toMatchObject({ source: 'organisation', version: 0, canManage: false });
      // The campaign addresses the whole organisation: a network member scoped to DS may not change it.
      await gagnon
        .send('put', `/api/campaigns/${campaign.id}/criteria-set`, { criteria: [criterion('speed', 2)] })
        .expect(403);
      const own = await tremblay
        .send('put', `/api/campaigns/${campaign.id}/criteria-set`, {
          criteria: [criterion('speed', 2), { ...criterion('effort', 1), axis: 'effort' }],
          version: 0,
        })
        .expect(200);
      expect(own.body).toMatchObject({ source: 'campaign', version: 1 });
      const ideaId = await ideaInQualification({ assign: [gagnon], campaignId: campaign.id });
      const view = (await gagnon.get(`/api/ideas/${ideaId}/scorecards`).expect(200)).body;
      expect(view.criteriaSource).toBe('campaign');
      expect(view.criteria.map((c: { key: string }) => c.key)).toEqual(['speed', 'effort']);
      const scored = await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: { speed: 4, effort: 2 }, comment: '' })
        .expect(200);
      expect(scored.body.consolidated).toMatchObject({ weightedScore: 3.33, value: 4, effort: 4 });
      await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: full([3, 3, 3, 3, 3]), comment: '' })
        .expect(400);
      const reset = await tremblay.send('delete', `/api/campaigns/${campaign.id}/criteria-set`).expect(200);
      expect(reset.body.source).toBe('organisation');
    });
  });

  describe('outcomes', () => {
    it('qualifies with an answer the author and a follower read; assignments end', async () => {
      const ideaId = await ideaInQualification({ assign: [gagnon] });
      const body = { answer: 'Qualifiée : un vrai besoin, à présenter au comité.' };
      expect((await girard.send('post', `/api/ideas/${ideaId}/qualify`, body).expect(403)).body.code).toBe(
        'role_required',
      );
      expect((await wilson.send('post', `/api/ideas/${ideaId}/qualify`, body).expect(403)).body.code).toBe(
        'out_of_scope',
      );
      const blank = await gagnon.send('post', `/api/ideas/${ideaId}/qualify`, { answer: '   ' }).expect(400);
      expect(JSON.stringify(blank.body)).toContain('answer');
      expect((await gagnon.send('post', `/api/ideas/${ideaId}/qualify`, body).expect(409)).body.code).toBe(
        'no_scorecard',
      );
      await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: full([4, 4, 4, 4, 4]), comment: '' })
        .expect(200);
      const qualified = await gagnon.send('post', `/api/ideas/${ideaId}/qualify`, body).expect(200);
      expect(qualified.body.status).toBe('decide');
      for (const reader of [pittet, girard]) {
        const idea = (await reader.get(`/api/ideas/${ideaId}`).expect(200)).body;
        expect(idea.answer?.text).toBe(body.answer);
        const timeline = (await reader.get(`/api/ideas/${ideaId}/timeline`).expect(200)).body;
        expect(timeline.events).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'qualify', text: body.answer, public: true })]),
        );
      }
      expect(await openAssigneeIds(ds.manager, ideaId)).toEqual([]);
      expect((await gagnon.send('post', `/api/ideas/${ideaId}/qualify`, body).expect(409)).body.code).toBe(
        'transition_not_allowed',
      );
      // Scoring is over once the idea has left qualification.
      await gagnon
        .send('post', `/api/ideas/${ideaId}/scorecards/me/submit`, { scores: full([1, 1, 1, 1, 1]), comment: '' })
        .expect(403);
    });

    it('sends an idea back for rework with guidance its authors read', async () => {
      const ideaId = await ideaInQualification({ assign: [tremblay] });
      await morel.send('post', `/api/ideas/${ideaId}/request-rework`, { guidance: 'x' }).expect(403);
      const blank = await tremblay.send('post', `/api/ideas/${ideaId}/request-rework`, {}).expect(400);
      expect(JSON.stringify(blank.body)).toContain('guidance');
      const guidance = 'Précisez combien de tournées sont concernées.';
      const res = await tremblay.send('post', `/api/ideas/${ideaId}/request-rework`, { guidance }).expect(200);
      expect(res.body.status).toBe('returned');
      const author = (await pittet.get(`/api/ideas/${ideaId}`).expect(200)).body;
      expect(author).toMatchObject({ status: 'returned', answer: { text: guidance } });
      expect(author.viewer.canEdit).toBe(true);
      // Back in the authors' hands, the idea leaves the wall meanwhile.
      await girard.get(`/api/ideas/${ideaId}`).expect(404);
    });

    it('declines with a rationale the author and a follower read; the committee declines only at decision', async () => {
      const ideaId = await ideaInQualification({ assign: [gagnon] });
      const rationale = 'Déjà couvert par le projet de flotte 2027.';
      expect((await morel.send('post', `/api/ideas/${ideaId}/decline`, { rationale }).expect(403)).body.code).toBe(
        'role_required',
      );
      await gagnon.send('post', `/api/ideas/${ideaId}/decline`, { rationale: '' }).expect(400);
      const stale = await gagnon.send('post', `/api/ideas/${ideaId}/decline`, { rationale, version: 99 }).expect(409);
      expect(stale.body.code).toBe('stale_version');
      const res = await gagnon.send('post', `/api/ideas/${ideaId}/decline`, { rationale }).expect(200);
      expect(res.body.status).toBe('declined');
      for (const reader of [pittet, girard]) {
        expect((await reader.get(`/api/ideas/${ideaId}`).expect(200)).body.answer?.text).toBe(rationale);
      }
      await gagnon.send('post', `/api/ideas/${ideaId}/decline`, { rationale }).expect(409);
    });
  });
});
