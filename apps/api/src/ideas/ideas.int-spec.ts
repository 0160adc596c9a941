import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, demoEmail } from '@eclore/migrations';
import { AuditEvent, OrgUnit, Person } from '@eclore/server-identity';
import { Campaign, CampaignPhase, Idea, IdeaEvent, Theme } from '@eclore/server-ideas';
import { signIn, type SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

/**
 * Emerge and collect against the real API and PostgreSQL: drafts, co-authors, capture on behalf,
 * submission rules, intake, returns and resubmission, optimistic locking, the timeline, and the
 * anonymity rule checked by scanning every response body of every endpoint for the author.
 */
type Who = 'lucas' | 'emily' | 'nathalie' | 'julien' | 'philippe' | 'martine' | 'claire' | 'helene';
const NAMES: Record<Who, [string, string]> = {
  lucas: ['Lucas', 'Girard'], // employee, DS-SOINS
  emily: ['Emily', 'Wilson'], // employee, DN-DATA
  nathalie: ['Nathalie', 'Gagnon'], // network member scoped to DS
  julien: ['Julien', 'Tremblay'], // network member, whole organisation
  philippe: ['Philippe', 'Morel'], // committee member
  martine: ['Martine', 'Favre'], // HR
  claire: ['Claire', 'Rochat'], // admin
  helene: ['Hélène', 'Dubois'], // anonymity guardian
};

describe('ideas: emerge and collect (API)', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  const as = {} as Record<Who, SignedIn>;
  const unit = new Map<string, string>();

  const problemDraft = (overrides: object = {}) => ({
    kind: 'problem',
    title: 'Les tournées de nuit manquent de véhicules',
    summary: 'Deux véhicules pour six soignants la nuit.',
    bodyHtml: '<p>Les soignants attendent <strong>souvent</strong>.</p><script>alert(1)</script>',
    orgUnitId: unit.get('DS-SOINS'),
    themes: ['mobility'],
    whoSuffers: 'Les soignants de nuit et leurs patients',
    frequency: 'daily',
    ...overrides,
  });

  async function create(who: Who, body: object): Promise<{ id: string; version: number }> {
    const res = await as[who].send('post', '/api/ideas', body).expect(201);
    return { id: res.body.id as string, version: res.body.version as number };
  }

  async function submitted(who: Who, body: object = problemDraft()): Promise<string> {
    const { id } = await create(who, body);
    await as[who].send('post', `/api/ideas/${id}/submit`, {}).expect(200);
    return id;
  }

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'ideas', seed: true });
    ({ app, ds } = ctx);
    for (const u of await ds.getRepository(OrgUnit).find()) unit.set(u.code, u.id);
    await ds.getRepository(Theme).insert([
      { key: 'mobility', labelFr: 'Mobilité', labelEn: 'Mobility', active: true },
      { key: 'care', labelFr: 'Soins', labelEn: 'Care', active: true },
    ]);
    for (const [who, [givenName, familyName]] of Object.entries(NAMES) as [Who, [string, string]][]) {
      as[who] = await signIn(app, demoEmail({ givenName, familyName }), DEMO_PASSWORD);
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('drafts', () => {
    it('creates a private draft credited to its author, its body sanitised', async () => {
      const res = await as.lucas.send('post', '/api/ideas', problemDraft()).expect(201);
      expect(res.body).toMatchObject({
        kind: 'problem',
        status: 'emerge',
        author: { id: as.lucas.personId, givenName: 'Lucas', familyName: 'Girard' },
        orgUnit: { id: unit.get('DS-SOINS'), name: 'Service des soins à domicile' },
        themes: ['mobility'],
        whoSuffers: 'Les soignants de nuit et leurs patients',
        frequency: 'daily',
        expectedBenefits: null,
        submittedAt: null,
        viewer: { isAuthor: true, canEdit: true, commands: expect.arrayContaining(['submit', 'withdraw']) },
      });
      // Sanitised on write: allowed markup kept, scripts gone with their content.
      expect(res.body.bodyHtml).toBe('<p>Les soignants attendent <strong>souvent</strong>.</p>');
      const id = res.body.id as string;
      await as.lucas.agent.get(`/api/ideas/${id}`).expect(200);
      for (const who of ['emily', 'nathalie', 'julien', 'philippe', 'martine', 'claire'] as const) {
        const other = await as[who].agent.get(`/api/ideas/${id}`).expect(404);
        expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      await request(app.getHttpServer()).get(`/api/ideas/${id}`).expect(401);
    });

    it('refuses fields of the other kind, unknown themes and units, naming each field', async () => {
      const res = await as.lucas
        .send(
          'post',
          '/api/ideas',
          problemDraft({ expectedBenefits: 'x', themes: ['nope'], orgUnitId: '00000000-0000-4000-8000-000000000000' }),
        )
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      const fields = (res.body.errors ?? res.body.fields ?? []).map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['expectedBenefits', 'orgUnitId', 'themes']);
      const bad = await as.lucas.send('post', '/api/ideas', { kind: 'idea', title: '' }).expect(400);
      expect(JSON.stringify(bad.body)).toMatch(/kind/);
    });

    it('lets authors edit with the version they read; a stale version is a 409', async () => {
      const { id, version } = await create('lucas', problemDraft());
      const ok = await as.lucas
        .send('patch', `/api/ideas/${id}`, { version, title: 'Véhicules de nuit : il en manque' })
        .expect(200);
      expect(ok.body.title).toBe('Véhicules de nuit : il en manque');
      expect(ok.body.version).toBe(version + 1);
      const stale = await as.lucas.send('patch', `/api/ideas/${id}`, { version, title: 'Autre titre' }).expect(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await ds.getRepository(Idea).findOneByOrFail({ id })).title).toBe('Véhicules de nuit : il en manque');
      // Someone who cannot read the draft does not learn it exists.
      await as.emily.send('patch', `/api/ideas/${id}`, { version: version + 1, title: 'Pirate' }).expect(404);
    });

    it('invites a co-author who sees the draft, accepts, then edits; declining leaves no access', async () => {
      const { id } = await create('lucas', problemDraft());
      await as.emily.send('post', `/api/ideas/${id}/co-authors/me/accept`).expect(404);
      await as.emily.send('post', `/api/ideas/${id}/co-authors`, { personId: as.emily.personId }).expect(404);
      const invited = await as.lucas
        .send('post', `/api/ideas/${id}/co-authors`, { personId: as.emily.personId })
        .expect(200);
      expect(invited.body.coAuthors).toEqual([expect.objectContaining({ id: as.emily.personId, status: 'invited' })]);
      await as.lucas.send('post', `/api/ideas/${id}/co-authors`, { personId: as.emily.personId }).expect(409);

      const mine = await as.emily.agent.get('/api/me/ideas').expect(200);
      expect(mine.body).toEqual([
        expect.objectContaining({ relation: 'invited', role: 'co_author', idea: expect.objectContaining({ id }) }),
      ]);
      const seen = await as.emily.agent.get(`/api/ideas/${id}`).expect(200);
      expect(seen.body.viewer).toMatchObject({ isAuthor: false, invited: true, canEdit: false });
      await as.emily.send('patch', `/api/ideas/${id}`, { version: seen.body.version, title: 'Pas encore' }).expect(403);

      const accepted = await as.emily.send('post', `/api/ideas/${id}/co-authors/me/accept`).expect(200);
      expect(accepted.body.viewer).toMatchObject({ isAuthor: true, canEdit: true });
      await as.emily
        .send('patch', `/api/ideas/${id}`, { version: accepted.body.version, summary: 'Résumé à deux mains.' })
        .expect(200);

      const other = await create('lucas', problemDraft());
      await as.lucas.send('post', `/api/ideas/${other.id}/co-authors`, { personId: as.martine.personId }).expect(200);
      await as.martine.send('post', `/api/ideas/${other.id}/co-authors/me/decline`).expect(204);
      await as.martine.agent.get(`/api/ideas/${other.id}`).expect(404);
    });
  });

  it('lists the active themes for the pickers', async () => {
    const res = await as.emily.agent.get('/api/themes').expect(200);
    expect(res.body).toEqual([
      { key: 'mobility', labelFr: 'Mobilité', labelEn: 'Mobility' },
      { key: 'care', labelFr: 'Soins', labelEn: 'Care' },
    ]);
    await request(app.getHttpServer()).get('/api/themes').expect(401);
  });

  describe('capture on behalf', () => {
    it('credits the real author, records the capturer, and audits it', async () => {
      const res = await as.nathalie
        .send('post', '/api/ideas', problemDraft({ onBehalfOf: as.lucas.personId, captureChannel: 'paper' }))
        .expect(201);
      expect(res.body.author).toMatchObject({ id: as.lucas.personId });
      expect(res.body.capturedBy).toMatchObject({ id: as.nathalie.personId });
      expect(res.body.captureChannel).toBe('paper');
      const row = await ds.getRepository(Idea).findOneByOrFail({ id: res.body.id });
      expect(row.authorId).toBe(as.lucas.personId);
      expect(row.capturedBy).toBe(as.nathalie.personId);
      const audit = await ds
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'idea.captured', subjectId: res.body.id });
      expect(audit.actorId).toBe(as.nathalie.personId);
      expect(audit.data).toMatchObject({ channel: 'paper', authorId: as.lucas.personId });
      // The real author finds it among their ideas and may submit it.
      const mine = await as.lucas.agent.get('/api/me/ideas').expect(200);
      expect(mine.body.map((m: { idea: { id: string } }) => m.idea.id)).toContain(res.body.id);
      await as.lucas.send('post', `/api/ideas/${res.body.id}/submit`, {}).expect(200);
    });

    it('is for network members within their scope, with a channel', async () => {
      await as.emily
        .send('post', '/api/ideas', problemDraft({ onBehalfOf: as.lucas.personId, captureChannel: 'paper' }))
        .expect(403);
      const out = await as.nathalie
        .send(
          'post',
          '/api/ideas',
          problemDraft({ onBehalfOf: as.lucas.personId, captureChannel: 'workshop', orgUnitId: unit.get('DF-BUD') }),
        )
        .expect(403);
      expect(out.body.code).toBe('out_of_scope');
      const noChannel = await as.nathalie
        .send('post', '/api/ideas', problemDraft({ onBehalfOf: as.lucas.personId }))
        .expect(400);
      expect(JSON.stringify(noChannel.body)).toContain('captureChannel');
    });
  });

  describe('submission', () => {
    it('answers 400 naming every field the box’s rules find missing', async () => {
      const { id } = await create('lucas', { kind: 'problem', title: 'Nuit' });
      const res = await as.lucas.send('post', `/api/ideas/${id}/submit`, {}).expect(400);
      const fields = (res.body.errors ?? res.body.fields ?? []).map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['orgUnitId', 'summary', 'title', 'whoSuffers']);
      expect((await ds.getRepository(Idea).findOneByOrFail({ id })).status).toBe('emerge');
    });

    it('applies a campaign’s rules and refuses when its active phase takes no submissions', async () => {
      const campaign = await ds.getRepository(Campaign).save({
        title: 'Nuits plus sûres',
        question: 'Comment pourrions-nous rendre les tournées de nuit plus sûres ?',
        descriptionHtml: '',
        sponsorId: null,
        audienceOrgUnitIds: [],
        submissionRules: {
          requiredFields: ['summary', 'body', 'themes'],
          titleMaxLength: 60,
          summaryMaxLength: 200,
          bodyMinLength: 40,
          allowedKinds: ['problem'],
        },
        createdBy: as.julien.personId,
        archivedAt: null,
      });
      const day = 86_400_000;
      const phase = await ds.getRepository(CampaignPhase).save({
        campaignId: campaign.id,
        position: 1,
        name: 'Idées',
        startsAt: new Date(Date.now() - day),
        endsAt: new Date(Date.now() + day),
        submissionsOpen: true,
        supportsOpen: true,
        commentsOpen: true,
      });
      const solution = await create('lucas', {
        kind: 'solution',
        title: 'Un véhicule de plus',
        campaignId: campaign.id,
        bodyHtml: '<p>Court</p>',
        themes: [],
      });
      const res = await as.lucas.send('post', `/api/ideas/${solution.id}/submit`, {}).expect(400);
      const fields = (res.body.errors ?? res.body.fields ?? [])
        .map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
        .sort();
      expect(fields).toEqual(['bodyHtml:minLength', 'kind:kind_not_allowed', 'summary:required', 'themes:required']);

      const good = await create(
        'lucas',
        problemDraft({
          campaignId: campaign.id,
          bodyHtml: '<p>Deux véhicules pour six soignants, chaque nuit, depuis un an.</p>',
        }),
      );
      await ds.getRepository(CampaignPhase).update({ id: phase.id }, { submissionsOpen: false });
      const closed = await as.lucas.send('post', `/api/ideas/${good.id}/submit`, {}).expect(400);
      expect(
        (closed.body.errors ?? closed.body.fields).map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
      ).toEqual(['campaignId:submissions_closed']);
      await ds.getRepository(CampaignPhase).update({ id: phase.id }, { submissionsOpen: true });
      await as.lucas.send('post', `/api/ideas/${good.id}/submit`, {}).expect(200);
    });

    it('moves to collect; only the authors submit; submitted ideas are no longer editable', async () => {
      const { id, version } = await create('lucas', problemDraft());
      await as.julien.send('post', `/api/ideas/${id}/submit`, {}).expect(404);
      const res = await as.lucas.send('post', `/api/ideas/${id}/submit`, { version }).expect(200);
      expect(res.body).toMatchObject({
        status: 'collect',
        submittedAt: expect.any(String),
        viewer: { canEdit: false },
      });
      const edit = await as.lucas
        .send('patch', `/api/ideas/${id}`, { version: res.body.version, title: 'Trop tard' })
        .expect(409);
      expect(edit.body.code).toBe('not_editable');
      const again = await as.lucas.send('post', `/api/ideas/${id}/submit`, {}).expect(409);
      expect(again.body.code).toBe('transition_not_allowed');
      // Submitting with a stale version is refused too.
      const other = await create('lucas', problemDraft());
      await as.lucas
        .send('patch', `/api/ideas/${other.id}`, { version: other.version, title: 'Titre revu' })
        .expect(200);
      expect(
        (await as.lucas.send('post', `/api/ideas/${other.id}/submit`, { version: other.version }).expect(409)).body
          .code,
      ).toBe('stale_version');
    });

    it('lets authors withdraw, not others', async () => {
      const id = await submitted('lucas');
      await as.emily.send('post', `/api/ideas/${id}/withdraw`, {}).expect(404);
      const network = await as.julien.send('post', `/api/ideas/${id}/withdraw`, {}).expect(403);
      expect(network.body.code).toBe('not_author');
      const res = await as.lucas.send('post', `/api/ideas/${id}/withdraw`, {}).expect(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    });
  });

  describe('intake', () => {
    it('lists submitted ideas within the member’s scope, oldest first, and refuses non-members', async () => {
      const inDs = await submitted('lucas');
      const inDf = await submitted('lucas', problemDraft({ orgUnitId: unit.get('DF-BUD') }));
      const nathalie = (await as.nathalie.agent.get('/api/intake').expect(200)).body as {
        idea: { id: string };
        waitingSince: string;
        waitingHours: number;
      }[];
      const ids = nathalie.map((i) => i.idea.id);
      expect(ids).toContain(inDs);
      expect(ids).not.toContain(inDf);
      const julien = (await as.julien.agent.get('/api/intake').expect(200)).body as typeof nathalie;
      expect(julien.map((i) => i.idea.id)).toEqual(expect.arrayContaining([inDs, inDf]));
      const times = julien.map((i) => new Date(i.waitingSince).getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(julien[0]!.waitingHours).toBeGreaterThanOrEqual(0);
      for (const who of ['lucas', 'emily', 'philippe', 'martine', 'claire', 'helene'] as const) {
        await as[who].agent.get('/api/intake').expect(403);
      }
    });

    it('accepts within scope only: out of scope 404, committee 403, in scope publishes', async () => {
      const inDf = await submitted('lucas', problemDraft({ orgUnitId: unit.get('DF-BUD') }));
      await as.nathalie.send('post', `/api/ideas/${inDf}/accept`, {}).expect(404);
      const committee = await as.philippe.send('post', `/api/ideas/${inDf}/accept`, {}).expect(403);
      expect(committee.body.code).toBe('role_required');
      await as.lucas.send('post', `/api/ideas/${inDf}/accept`, {}).expect(403);

      const id = await submitted('lucas');
      const res = await as.nathalie.send('post', `/api/ideas/${id}/accept`, {}).expect(200);
      expect(res.body).toMatchObject({ status: 'visible', publishedAt: expect.any(String) });
      for (const who of ['emily', 'martine', 'claire', 'philippe'] as const) {
        await as[who].agent.get(`/api/ideas/${id}`).expect(200);
      }
      const timeline = await as.emily.agent.get(`/api/ideas/${id}/timeline`).expect(200);
      expect(timeline.body.full).toBe(false);
      expect(timeline.body.events.map((e: { type: string }) => e.type)).toEqual(['accept']);
      expect(timeline.body.events[0].actor).toMatchObject({ kind: 'person', person: { id: as.nathalie.personId } });
      await as.nathalie.send('post', `/api/ideas/${id}/accept`, {}).expect(409);
    });

    it('returns with a reason shown to the authors; they revise and resubmit; then it is accepted', async () => {
      const id = await submitted('lucas');
      const noReason = await as.nathalie.send('post', `/api/ideas/${id}/return`, { reason: '' }).expect(400);
      expect(JSON.stringify(noReason.body)).toContain('reason');
      const returned = await as.nathalie
        .send('post', `/api/ideas/${id}/return`, { reason: 'Précisez combien de patients sont concernés.' })
        .expect(200);
      expect(returned.body.status).toBe('returned');
      const mine = (await as.lucas.agent.get(`/api/ideas/${id}`).expect(200)).body;
      expect(mine.answer).toMatchObject({ text: 'Précisez combien de patients sont concernés.', publishedAt: null });
      expect(mine.viewer.canEdit).toBe(true);
      const listed = (await as.lucas.agent.get('/api/me/ideas').expect(200)).body.find(
        (m: { idea: { id: string } }) => m.idea.id === id,
      );
      expect(listed.idea).toMatchObject({
        status: 'returned',
        answer: { text: 'Précisez combien de patients sont concernés.' },
      });
      // Nobody else reads a returned idea.
      await as.emily.agent.get(`/api/ideas/${id}`).expect(404);

      const revised = await as.lucas
        .send('patch', `/api/ideas/${id}`, {
          version: mine.version,
          summary: 'Deux véhicules pour six soignants : 40 patients par nuit.',
        })
        .expect(200);
      await as.lucas.send('post', `/api/ideas/${id}/submit`, { version: revised.body.version }).expect(200);
      const intake = (await as.nathalie.agent.get('/api/intake').expect(200)).body as { idea: { id: string } }[];
      expect(intake.map((i) => i.idea.id)).toContain(id);
      await as.nathalie.send('post', `/api/ideas/${id}/accept`, {}).expect(200);

      const full = (await as.lucas.agent.get(`/api/ideas/${id}/timeline`).expect(200)).body;
      expect(full.full).toBe(true);
      expect(full.events.map((e: { type: string }) => e.type)).toEqual([
        'created',
        'submit',
        'return_to_authors',
        'edited',
        'submit',
        'accept',
      ]);
      expect(full.events.find((e: { type: string }) => e.type === 'return_to_authors').text).toBe(
        'Précisez combien de patients sont concernés.',
      );
      const publicView = (await as.emily.agent.get(`/api/ideas/${id}/timeline`).expect(200)).body;
      expect(publicView.events.map((e: { type: string }) => e.type)).toEqual(['accept']);
      // The return's reason went to the authors, not to the public page.
      expect((await as.emily.agent.get(`/api/ideas/${id}`).expect(200)).body.answer).toBeNull();
    });
  });

  describe('anonymity', () => {
    const lucasMarks = () => [as.lucas.personId, 'Girard', 'lucas.girard', 'Lucas'];
    const leaks = (body: unknown) => lucasMarks().filter((m) => JSON.stringify(body ?? null).includes(m));

    it('shows an anonymous author to nobody but the authors, in every response of every endpoint', async () => {
      const created = await as.lucas
        .send('post', '/api/ideas', problemDraft({ anonymous: true, title: 'Idée sans nom' }))
        .expect(201);
      const id = created.body.id as string;
      expect(created.body.author).toMatchObject({ id: as.lucas.personId });
      await as.lucas.send('post', `/api/ideas/${id}/co-authors`, { personId: as.emily.personId }).expect(200);
      await as.emily.send('post', `/api/ideas/${id}/co-authors/me/accept`).expect(200);

      const responses: { who: Who; what: string; body: unknown }[] = [];
      const record = (who: Who, what: string, res: request.Response) => responses.push({ who, what, body: res.body });
      // Lists hold other (named) ideas by the same person: scan the entries about this idea, and the
      // raw text for its id, so that the entry cannot be missed.
      const recordList = (who: Who, what: string, res: request.Response) => {
        const entries = Array.isArray(res.body)
          ? (res.body as { idea: { id: string } }[]).filter((e) => e.idea.id === id)
          : res.body;
        responses.push({ who, what, body: entries });
        return entries;
      };
      const readers: Who[] = ['nathalie', 'julien', 'philippe', 'martine', 'claire', 'helene'];

      record('helene', 'GET draft', await as.helene.agent.get(`/api/ideas/${id}`).expect(200));
      record('helene', 'timeline draft', await as.helene.agent.get(`/api/ideas/${id}/timeline`).expect(200));
      const submittedRes = await as.lucas.send('post', `/api/ideas/${id}/submit`, {}).expect(200);
      for (const who of readers) {
        const intake = await as[who].agent.get('/api/intake');
        const entries = recordList(who, 'intake', intake);
        if (who === 'nathalie' || who === 'julien') expect(entries).toHaveLength(1);
        const got = await as[who].agent.get(`/api/ideas/${id}`);
        record(who, 'GET collect', got);
        record(who, 'timeline collect', await as[who].agent.get(`/api/ideas/${id}/timeline`));
        recordList(who, 'my ideas', await as[who].agent.get('/api/me/ideas'));
      }
      const returned = await as.nathalie
        .send('post', `/api/ideas/${id}/return`, { reason: 'Ajoutez la fréquence.' })
        .expect(200);
      record('nathalie', 'return', returned);
      const revised = await as.lucas.send('patch', `/api/ideas/${id}`, {
        version: returned.body.version + 0,
        summary: 'Résumé revu.',
      });
      expect(revised.status).toBe(200);
      await as.lucas.send('post', `/api/ideas/${id}/submit`, {}).expect(200);
      record('julien', 'accept', await as.julien.send('post', `/api/ideas/${id}/accept`, {}).expect(200));
      for (const who of [...readers, 'martine' as const]) {
        record(who, 'GET visible', await as[who].agent.get(`/api/ideas/${id}`).expect(200));
        record(who, 'timeline visible', await as[who].agent.get(`/api/ideas/${id}/timeline`).expect(200));
      }
      // Failed attempts' problem documents must not name the author either.
      record(
        'martine',
        'reveal refused',
        await as.martine.send('post', `/api/ideas/${id}/reveal-author`, { reason: 'curiosité' }).expect(403),
      );
      record(
        'nathalie',
        'edit refused',
        await as.nathalie.send('patch', `/api/ideas/${id}`, { version: 1, title: 'x' }),
      );

      const leaked = responses
        .filter((r) => leaks(r.body).length > 0)
        .map((r) => `${r.who} ${r.what}: ${leaks(r.body).join(', ')}`);
      expect(leaked).toEqual([]);
      // The scan can fail: the same check on the author's own view finds them.
      const own = await as.lucas.agent.get(`/api/ideas/${id}`).expect(200);
      expect(leaks(own.body)).toEqual(expect.arrayContaining([as.lucas.personId, 'Girard']));
      expect(own.body.coAuthors).toEqual([expect.objectContaining({ id: as.emily.personId })]);
      const coAuthorView = await as.emily.agent.get(`/api/ideas/${id}`).expect(200);
      expect(coAuthorView.body.author).toMatchObject({ id: as.lucas.personId });
      // Authors' acts on the public timeline are "the author".
      const publicTimeline = (await as.philippe.agent.get(`/api/ideas/${id}/timeline`).expect(200)).body;
      const hiddenActs = (await as.julien.agent.get(`/api/ideas/${id}/timeline`).expect(200)).body.events.filter(
        (e: { type: string }) => e.type === 'submit',
      );
      expect(hiddenActs.every((e: { actor: { kind: string } }) => e.actor.kind === 'author')).toBe(true);
      expect(hiddenActs.length).toBe(2);
      expect(publicTimeline.events.length).toBeGreaterThan(0);
      expect(submittedRes.body.author).toMatchObject({ id: as.lucas.personId });
    });

    it('captured anonymous ideas hide the capturer and the real author from others', async () => {
      const res = await as.nathalie
        .send(
          'post',
          '/api/ideas',
          problemDraft({ anonymous: true, onBehalfOf: as.lucas.personId, captureChannel: 'workshop' }),
        )
        .expect(201);
      const audit = await ds
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'idea.captured', subjectId: res.body.id });
      expect(JSON.stringify(audit.data)).not.toContain(as.lucas.personId);
      await as.lucas.send('post', `/api/ideas/${res.body.id}/submit`, {}).expect(200);
      await as.nathalie.send('post', `/api/ideas/${res.body.id}/accept`, {}).expect(200);
      const seen = await as.emily.agent.get(`/api/ideas/${res.body.id}`).expect(200);
      expect(seen.body).toMatchObject({
        authorHidden: true,
        author: null,
        capturedBy: null,
        captureChannel: null,
        coAuthors: [],
      });
      expect(leaks(seen.body)).toEqual([]);
      const timeline = await as.emily.agent.get(`/api/ideas/${res.body.id}/timeline`).expect(200);
      expect(leaks(timeline.body)).toEqual([]);
    });

    it('lets the guardian reveal the author, with the reveal in the audit log; nobody else', async () => {
      const { id } = await create('lucas', problemDraft({ anonymous: true }));
      for (const who of ['lucas', 'emily', 'nathalie', 'julien', 'philippe', 'martine', 'claire'] as const) {
        await as[who].send('post', `/api/ideas/${id}/reveal-author`, { reason: 'pour voir' }).expect(403);
      }
      await as.helene.send('post', `/api/ideas/${id}/reveal-author`, {}).expect(400);
      const blank = await as.helene.send('post', `/api/ideas/${id}/reveal-author`, { reason: '   ' }).expect(400);
      expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
      const before = await ds.getRepository(AuditEvent).countBy({ action: 'idea.author_revealed' });
      const res = await as.helene
        .send('post', `/api/ideas/${id}/reveal-author`, { reason: 'Signalement de harcèlement à traiter' })
        .expect(200);
      expect(res.body).toMatchObject({
        author: { id: as.lucas.personId, givenName: 'Lucas', familyName: 'Girard' },
        email: 'lucas.girard@eclore.example',
      });
      const audits = await ds.getRepository(AuditEvent).findBy({ action: 'idea.author_revealed', subjectId: id });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        actorId: as.helene.personId,
        subjectType: 'idea',
        data: { reason: 'Signalement de harcèlement à traiter' },
      });
      expect(await ds.getRepository(AuditEvent).countBy({ action: 'idea.author_revealed' })).toBe(before + 1);
      expect(await ds.getRepository(IdeaEvent).countBy({ ideaId: id, type: 'author_revealed' })).toBe(1);
      // Without the reveal the guardian's ordinary read does not name the author.
      expect(leaks((await as.helene.agent.get(`/api/ideas/${id}`).expect(200)).body)).toEqual([]);
      const named = await create('lucas', problemDraft());
      expect(
        (await as.helene.send('post', `/api/ideas/${named.id}/reveal-author`, { reason: 'x' }).expect(409)).body.code,
      ).toBe('not_anonymous');
      expect(await ds.getRepository(Person).countBy({ id: as.lucas.personId })).toBe(1);
    });
  });
});
