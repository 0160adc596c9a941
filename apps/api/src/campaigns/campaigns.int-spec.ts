import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seed } from '@eclore/migrations';
import { AuditEvent, OrgUnit, Person } from '@eclore/server-identity';
import { Campaign, CampaignPhase } from '@eclore/server-ideas';
import type { SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 3600 * 1000;
/** An instant `days` from now, as the API takes it. */
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const phase = (name: string, from: number, to: number, open: { s?: boolean; p?: boolean; c?: boolean } = {}) => ({
  name,
  startsAt: at(from),
  endsAt: at(to),
  submissionsOpen: open.s ?? false,
  supportsOpen: open.p ?? false,
  commentsOpen: open.c ?? false,
});

interface CampaignBody {
  id: string;
  title: string;
  timing: string;
  activePhase: { name: string } | null;
  features: { submissions: boolean; supports: boolean; comments: boolean };
  canManage: boolean;
  inAudience: boolean;
}

/** The campaigns API on the real application: seeded demo organisation, real PostgreSQL and Redis. */
describe('campaigns API', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let julien: SignedIn; // network member, whole organisation
  let nathalie: SignedIn; // network member scoped to the DS direction
  let admin: SignedIn;
  let lucas: SignedIn; // employee in DS-SOINS
  let emily: SignedIn; // employee in DN-DATA

  const unit = (code: string) => ds.getRepository(OrgUnit).findOneByOrFail({ code });
  const auditsFor = (id: string) =>
    ds.getRepository(AuditEvent).find({ where: { subjectType: 'campaign', subjectId: id }, order: { id: 'ASC' } });
  const ids = (list: CampaignBody[]) => list.map((c) => c.id);

  const create = (who: SignedIn, body: object = {}) =>
    who.send('post', '/api/campaigns', {
      title: 'Accueil',
      question: 'Comment pourrions-nous mieux accueillir ?',
      descriptionHtml: '<p>Ouvert à <strong>tous</strong>.</p><script>alert(1)</script>',
      phases: [phase('Dépôt', -1, 10, { s: true, c: true }), phase('Soutiens', 10, 20, { p: true, c: true })],
      ...body,
    });

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'campaigns', seed: true });
    ({ app, ds } = ctx);
    julien = await ctx.signInDemo('Tremblay');
    nathalie = await ctx.signInDemo('Gagnon');
    admin = await ctx.signInDemo('Rochat');
    lucas = await ctx.signInDemo('Girard');
    emily = await ctx.signInDemo('Wilson');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('permissions', () => {
    it('asks a visitor to sign in', async () => {
      const res = await request(app.getHttpServer()).get('/api/campaigns').expect(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it.each([
      ['post', '/api/campaigns'],
      ['patch', `/api/campaigns/${UNKNOWN_ID}`],
      ['put', `/api/campaigns/${UNKNOWN_ID}/phases`],
      ['post', `/api/campaigns/${UNKNOWN_ID}/archive`],
    ] as const)('refuses an employee: %s %s → 403 role_required', async (method, path) => {
      const req =
        method === 'put'
          ? lucas.agent.put(path).set('X-CSRF-Token', lucas.csrfToken).send({ phases: [] })
          : lucas.send(method, path, { title: 'x' });
      const res = await req;
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('role_required');
    });

    it('lets a network member create (201), with the description sanitised and an audit event', async () => {
      const res = await create(julien).expect(201);
      expect(res.body).toMatchObject({
        title: 'Accueil',
        question: 'Comment pourrions-nous mieux accueillir ?',
        descriptionHtml: '<p>Ouvert à <strong>tous</strong>.</p>',
        audience: [],
        timing: 'current',
        activePhase: { name: 'Dépôt', position: 0 },
        features: { submissions: true, supports: false, comments: true },
        canManage: true,
        inAudience: true,
      });
      expect(res.body.submissionRules.allowedKinds).toEqual(['problem', 'solution']);
      expect(res.body.phases.map((p: { name: string }) => p.name)).toEqual(['Dépôt', 'Soutiens']);
      const audits = await auditsFor(res.body.id);
      expect(audits.map((a) => [a.action, a.actorId])).toEqual([['campaign.created', julien.personId]]);
    });

    it('keeps a unit-scoped network member within their subtree', async () => {
      const ds_ = await unit('DS');
      const dn = await unit('DN');
      const everyone = await create(nathalie);
      expect(everyone.status).toBe(403);
      expect(everyone.body.code).toBe('out_of_scope');
      await create(nathalie, { audienceOrgUnitIds: [dn.id] }).expect(403);
      const own = await create(nathalie, { audienceOrgUnitIds: [ds_.id] }).expect(201);
      expect(own.body.canManage).toBe(true);
      // She may not widen it beyond her scope, nor touch an organisation-wide campaign.
      const widen = await nathalie.send('patch', `/api/campaigns/${own.body.id}`, { audienceOrgUnitIds: [] });
      expect(widen.status).toBe(403);
      const orgWide = await create(julien).expect(201);
      expect(orgWide.body.canManage).toBe(true);
      const viewed = await nathalie.agent.get(`/api/campaigns/${orgWide.body.id}`).expect(200);
      expect(viewed.body.canManage).toBe(false);
      await nathalie.send('post', `/api/campaigns/${orgWide.body.id}/archive`).expect(403);
    });

    it('lets an admin manage any campaign', async () => {
      const created = await create(julien).expect(201);
      await admin.send('patch', `/api/campaigns/${created.body.id}`, { title: 'Accueil (admin)' }).expect(200);
    });
  });

  describe('validation', () => {
    it('names an inverted phase and an overlapping one', async () => {
      const inverted = await create(julien, {
        phases: [phase('Dépôt', 1, 5), phase('Vote', 8, 6)],
      }).expect(400);
      expect(inverted.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(inverted.body.errors).toEqual([
        expect.objectContaining({ field: 'phases.1.endsAt', code: 'endsBeforeStart' }),
      ]);

      const overlapping = await create(julien, {
        phases: [phase('Dépôt', 1, 5), phase('Vote', 4, 9)],
      }).expect(400);
      expect(overlapping.body.errors).toEqual([
        expect.objectContaining({ field: 'phases.1.startsAt', code: 'overlapsPreviousPhase' }),
      ]);
    });

    it('names malformed fields through the validation pipe', async () => {
      const res = await create(julien, {
        question: '',
        phases: [{ ...phase('Dépôt', 1, 5), startsAt: 'tomorrow' }],
        submissionRules: {
          requiredFields: ['colour'],
          titleMaxLength: 5,
          summaryMaxLength: 600,
          bodyMinLength: 0,
          allowedKinds: [],
        },
      }).expect(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'question',
          'phases.0.startsAt',
          'submissionRules.requiredFields',
          'submissionRules.titleMaxLength',
          'submissionRules.allowedKinds',
        ]),
      );
    });

    it('names an unknown org unit and a sponsor who is not an active person', async () => {
      const inactive = await ds.getRepository(Person).findOneByOrFail({ familyName: 'Morel' });
      await ds.getRepository(Person).update({ id: inactive.id }, { active: false });
      try {
        const res = await create(julien, {
          audienceOrgUnitIds: [(await unit('DS')).id, UNKNOWN_ID],
          sponsorId: inactive.id,
        }).expect(400);
        expect(res.body.errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ field: 'audienceOrgUnitIds.1', code: 'unknownOrgUnit' }),
            expect.objectContaining({ field: 'sponsorId', code: 'sponsorInactive' }),
          ]),
        );
        const unknown = await create(julien, { sponsorId: UNKNOWN_ID }).expect(400);
        expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'sponsorId', code: 'unknownPerson' })]);
      } finally {
        await ds.getRepository(Person).update({ id: inactive.id }, { active: true });
      }
    });

    it('answers 404 for an unknown campaign', async () => {
      const res = await julien.send('patch', `/api/campaigns/${UNKNOWN_ID}`, { title: 'x' }).expect(404);
      expect(res.body.code).toBe('campaign_not_found');
    });
  });

  describe('changes', () => {
    it('updates fields, with an audit event naming what changed (none when nothing did)', async () => {
      const created = await create(julien).expect(201);
      const sponsor = await ds.getRepository(Person).findOneByOrFail({ familyName: 'Morel' });
      const res = await julien
        .send('patch', `/api/campaigns/${created.body.id}`, {
          question: 'Comment pourrions-nous accueillir en une journée ?',
          sponsorId: sponsor.id,
          submissionRules: {
            requiredFields: ['summary', 'body'],
            titleMaxLength: 100,
            summaryMaxLength: 400,
            bodyMinLength: 50,
            allowedKinds: ['solution'],
          },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        question: 'Comment pourrions-nous accueillir en une journée ?',
        sponsor: { id: sponsor.id, givenName: sponsor.givenName, familyName: sponsor.familyName },
        submissionRules: { requiredFields: ['summary', 'body'], allowedKinds: ['solution'], bodyMinLength: 50 },
      });
      await julien.send('patch', `/api/campaigns/${created.body.id}`, { sponsorId: sponsor.id }).expect(200);
      const audits = await auditsFor(created.body.id);
      expect(audits.map((a) => a.action)).toEqual(['campaign.created', 'campaign.updated']);
      expect(audits[1]?.data).toEqual({ changed: ['question', 'sponsorId', 'submissionRules'] });
    });

    it('replaces the ordered phases and recomputes the active one', async () => {
      const created = await create(julien, { phases: [] }).expect(201);
      expect(created.body).toMatchObject({
        timing: 'upcoming',
        activePhase: null,
        features: { submissions: false, supports: false, comments: false },
      });
      const put = (phases: object[]) =>
        julien.agent
          .put(`/api/campaigns/${created.body.id}/phases`)
          .set('X-CSRF-Token', julien.csrfToken)
          .send({ phases });

      const res = await put([
        phase('Dépôt', -10, -1, { s: true }),
        phase('Soutiens', -1, 5, { p: true, c: true }),
      ]).expect(200);
      expect(res.body).toMatchObject({
        timing: 'current',
        activePhase: { name: 'Soutiens', position: 1 },
        features: { submissions: false, supports: true, comments: true },
      });
      const bad = await put([phase('A', 0, 5), phase('B', 3, 8)]).expect(400);
      expect(bad.body.errors[0].field).toBe('phases.1.startsAt');
      // The refused list changed nothing.
      expect(await ds.getRepository(CampaignPhase).countBy({ campaignId: created.body.id })).toBe(2);

      const past = await put([phase('Dépôt', -30, -20, { s: true })]).expect(200);
      expect(past.body).toMatchObject({ timing: 'past', activePhase: null });
      expect(past.body.features).toEqual({ submissions: false, supports: false, comments: false });
      expect((await auditsFor(created.body.id)).map((a) => a.action)).toEqual([
        'campaign.created',
        'campaign.phases_replaced',
        'campaign.phases_replaced',
      ]);
    });

    it('archives once: off the lists, everything closed, still readable by link', async () => {
      const created = await create(julien).expect(201);
      const first = await julien.send('post', `/api/campaigns/${created.body.id}/archive`).expect(200);
      expect(first.body.archivedAt).not.toBeNull();
      expect(first.body.features).toEqual({ submissions: false, supports: false, comments: false });
      const again = await julien.send('post', `/api/campaigns/${created.body.id}/archive`).expect(200);
      expect(again.body.archivedAt).toBe(first.body.archivedAt);
      const list = await lucas.agent.get('/api/campaigns').expect(200);
      const all = [...list.body.current, ...list.body.upcoming, ...list.body.past] as CampaignBody[];
      expect(ids(all)).not.toContain(created.body.id);
      await lucas.agent.get(`/api/campaigns/${created.body.id}`).expect(200);
      expect((await auditsFor(created.body.id)).map((a) => a.action)).toEqual([
        'campaign.created',
        'campaign.archived',
      ]);
      expect((await ds.getRepository(Campaign).findOneByOrFail({ id: created.body.id })).archivedAt).not.toBeNull();
    });
  });

  describe('demo seed', () => {
    it('brings one current campaign open to submissions and one past, once', async () => {
      const res = await emily.agent.get('/api/campaigns').expect(200);
      const onboarding = (res.body.current as (CampaignBody & { question: string })[]).find(
        (c) => c.question === "Comment pourrions-nous simplifier l'accueil des nouveaux collaborateurs ?",
      );
      expect(onboarding).toMatchObject({ features: { submissions: true }, activePhase: { name: 'Dépôt des idées' } });
      expect((res.body.past as CampaignBody[]).map((c) => c.title)).toContain('Moins de papier');
      const before = await ds.getRepository(Campaign).count();
      await seed(ds);
      expect(await ds.getRepository(Campaign).count()).toBe(before);
    });
  });

  describe('audience and listing', () => {
    let forDs: CampaignBody;
    let upcoming: CampaignBody;
    let past: CampaignBody;

    beforeAll(async () => {
      forDs = (
        await create(julien, { title: 'Santé seulement', audienceOrgUnitIds: [(await unit('DS')).id] }).expect(201)
      ).body;
      upcoming = (await create(julien, { title: 'Bientôt', phases: [phase('Dépôt', 5, 10, { s: true })] }).expect(201))
        .body;
      past = (await create(julien, { title: 'Fini', phases: [phase('Dépôt', -10, -5, { s: true })] }).expect(201)).body;
    });

    it('shows a unit campaign to people of its subtree and hides it (404) from others', async () => {
      const inside = await lucas.agent.get('/api/campaigns').expect(200);
      expect(ids(inside.body.current)).toContain(forDs.id);
      const one = await lucas.agent.get(`/api/campaigns/${forDs.id}`).expect(200);
      expect(one.body).toMatchObject({ inAudience: true, canManage: false, audience: [{ code: 'DS' }] });

      const outside = await emily.agent.get('/api/campaigns').expect(200);
      const all = [...outside.body.current, ...outside.body.upcoming, ...outside.body.past] as CampaignBody[];
      expect(ids(all)).not.toContain(forDs.id);
      const hidden = await emily.agent.get(`/api/campaigns/${forDs.id}`).expect(404);
      expect(hidden.body.code).toBe('campaign_not_found');
    });

    it('sorts campaigns into current, upcoming and past', async () => {
      const res = await emily.agent.get('/api/campaigns').expect(200);
      expect(ids(res.body.upcoming)).toContain(upcoming.id);
      expect(ids(res.body.past)).toContain(past.id);
      expect(ids(res.body.current)).not.toContain(upcoming.id);
      expect(ids(res.body.current)).not.toContain(past.id);
      for (const c of res.body.current as CampaignBody[]) expect(c.timing).toBe('current');
      const found = (res.body.upcoming as CampaignBody[]).find((c) => c.id === upcoming.id);
      expect(found).toMatchObject({ activePhase: null, features: { submissions: false }, canManage: false });
    });

    it('shows a manager the campaigns they manage even outside their own unit', async () => {
      // Julien works in DN-APP, outside DS, but runs the DS campaign.
      const res = await julien.agent.get('/api/campaigns').expect(200);
      const found = (res.body.current as CampaignBody[]).find((c) => c.id === forDs.id);
      expect(found).toMatchObject({ inAudience: false, canManage: true });
    });
  });
});
