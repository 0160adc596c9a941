import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IDEA_STATUSES, isPublic, type IdeaStatus } from '@eclore/domain';
import { WALL_CHANGED_CHANNEL, WallPageCache, WallService } from '@eclore/server-ideas';
import type { OrgUnit } from '@eclore/server-identity';
import { makePerson, makeUnit, type TestPerson } from '../../../../test/harness';
import { signIn, type SignedIn } from '../../../../test/harness/agent';
import { createApiApp } from '../bootstrap';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

/**
 * The wall, similar ideas and links against real PostgreSQL through the real API. Ideas are written
 * straight into the tables (the lifecycle commands are tested elsewhere); the search document comes
 * from the database trigger, as in production.
 */
describe('wall API', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let direction: OrgUnit;
  let service: OrgUnit;
  let other: OrgUnit;
  let author: TestPerson;
  let anonymousAuthor: TestPerson;
  let reader: SignedIn;
  let authorSession: SignedIn;
  let network: SignedIn;
  let campaignId: string;
  const bodies: string[] = [];

  interface IdeaSpec {
    title: string;
    summary?: string;
    kind?: 'problem' | 'solution';
    status?: IdeaStatus;
    published?: boolean;
    hidden?: boolean;
    publishedAt?: Date;
    anonymous?: boolean;
    authorId?: string;
    orgUnitId?: string | null;
    campaignId?: string | null;
    themes?: string[];
    supportCount?: number;
  }

  let clock = Date.parse('2026-01-01T00:00:00Z');
  async function idea(spec: IdeaSpec): Promise<string> {
    clock += 60_000;
    const id = randomUUID();
    const published = spec.published ?? !['emerge', 'collect', 'returned'].includes(spec.status ?? 'visible');
    const authorId = spec.authorId ?? author.person.id;
    await ds.query(
      `INSERT INTO idea (id, kind, status, title, summary, org_unit_id, themes, campaign_id, anonymous, author_id,
                         submitted_at, published_at, hidden_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)`,
      [
        id,
        spec.kind ?? 'problem',
        spec.status ?? 'visible',
        spec.title,
        spec.summary ?? '',
        spec.orgUnitId === undefined ? service.id : spec.orgUnitId,
        spec.themes ?? [],
        spec.campaignId ?? null,
        spec.anonymous ?? false,
        authorId,
        new Date(clock),
        published ? (spec.publishedAt ?? new Date(clock)) : null,
        spec.hidden ? new Date(clock) : null,
      ],
    );
    // The counters' row comes with the idea (a trigger); the count is set as the support commands would.
    await ds.query(`UPDATE idea_counter SET support_count = $2 WHERE idea_id = $1`, [id, spec.supportCount ?? 0]);
    await ds.query(
      `INSERT INTO idea_author (idea_id, person_id, role, status, invited_at, anonymous) VALUES ($1, $2, 'author', 'accepted', now(), $3)`,
      [id, authorId, spec.anonymous ?? false],
    );
    return id;
  }

  /** GET as the reader, remembering every body for the anonymity scan. */
  async function get(path: string, as: SignedIn = reader, status = 200): Promise<request.Response> {
    const res = await as.agent.get(path).expect(status);
    bodies.push(res.text);
    return res;
  }

  const titles = (res: request.Response) => (res.body.items as { title: string }[]).map((i) => i.title);
  const ids = (res: request.Response) => (res.body.items as { id: string }[]).map((i) => i.id);

  /** Every page of a listing, following nextCursor; `between` runs before each next page. */
  async function allPages(path: string, between?: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 100; n++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
      seen.push(...ids(res));
      cursor = res.body.nextCursor as string | null;
      if (!cursor) return seen;
      await between?.();
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    // This app answers from the database every time: the reference the shared page cache is compared with.
    ctx = await createApiTestContext({ label: 'wall', env: { WALL_CACHE_SECONDS: '0' } });
    ({ app, ds } = ctx);
    direction = await makeUnit(ds, { code: 'W-DIR' });
    service = await makeUnit(ds, { code: 'W-SVC', parent: direction });
    other = await makeUnit(ds, { code: 'W-OTHER' });
    author = await makePerson(ds, { unit: service });
    anonymousAuthor = await makePerson(ds, { unit: service, email: 'zoe.secretauthor@test.example' });
    await ds.query(`UPDATE person SET given_name = 'Zoé', family_name = 'Secretauthor' WHERE id = $1`, [
      anonymousAuthor.person.id,
    ]);
    const readerPerson = await makePerson(ds, { unit: other });
    const networkPerson = await makePerson(ds, {
      unit: other,
      roles: [{ role: 'network_member', unit: direction }],
    });
    reader = await signIn(app, readerPerson.email, readerPerson.password!);
    authorSession = await signIn(app, author.email, author.password!);
    network = await signIn(app, networkPerson.email, networkPerson.password!);
    await ds.query(
      `INSERT INTO theme (key, label_fr, label_en) VALUES ('mobilite', 'Mobilité', 'Mobility'), ('energie', 'Énergie', 'Energy')`,
    );
    campaignId = randomUUID();
    await ds.query(
      `INSERT INTO campaign (id, title, question, description_html, audience_org_unit_ids, submission_rules, created_by)
       VALUES ($1, 'Mobilité douce', 'Comment pourrions-nous venir au travail autrement ?', '', '{}', '{}', $2)`,
      [campaignId, author.person.id],
    );
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('asks a visitor to sign in', async () => {
    await request(app.getHttpServer()).get('/api/wall').expect(401);
  });

  it('lists exactly the ideas the domain calls public: never drafts, ideas in collect, returned or hidden ones', async () => {
    const expected = new Set<string>();
    for (const status of IDEA_STATUSES)
      for (const published of [false, true])
        for (const hidden of [false, true]) {
          const id = await idea({
            title: `Parité ${status} ${published} ${hidden}`,
            status,
            published,
            hidden,
            themes: ['energie'],
          });
          const state = {
            id,
            kind: 'problem' as const,
            status,
            anonymous: false,
            submittedAt: new Date(),
            publishedAt: published ? new Date() : null,
            withdrawnAt: null,
            answer: null,
            mergedIntoId: null,
            parkedUntil: null,
            hiddenAt: hidden ? new Date() : null,
          };
          if (isPublic(state)) expected.add(id);
        }
    const seen = await allPages('/api/wall?theme=energie&limit=50');
    expect(new Set(seen)).toEqual(expected);
    expect(seen).toHaveLength(expected.size);
    // Spot checks, in case isPublic itself were wrong.
    const res = await get('/api/wall?theme=energie&limit=50&q=parite');
    expect(titles(res).some((t) => /emerge|collect|returned|true$/.test(t))).toBe(false);
  });

  describe('search', () => {
    beforeAll(async () => {
      await idea({ title: 'Réserver les vélos de service en ligne', themes: ['mobilite'] });
      await idea({ title: 'Simplifier les réservations de salles', kind: 'solution' });
      await idea({ title: 'Share a bike between departments', kind: 'solution' });
      await idea({ title: 'Recycler le papier des imprimantes' });
    });

    it('finds French words without their accents or plural ("velo" → "vélos", "reservation" → "réservations")', async () => {
      expect(titles(await get('/api/wall?q=velo'))).toEqual(['Réserver les vélos de service en ligne']);
      expect(titles(await get('/api/wall?q=reservation'))).toEqual(
        expect.arrayContaining(['Simplifier les réservations de salles', 'Réserver les vélos de service en ligne']),
      );
      expect(titles(await get('/api/wall?q=VÉLO'))).toEqual(['Réserver les vélos de service en ligne']);
    });

    it('finds English words whatever their inflection ("bikes" → "bike")', async () => {
      expect(titles(await get('/api/wall?q=bikes'))).toEqual(['Share a bike between departments']);
      expect(titles(await get('/api/wall?q=sharing'))).toEqual(['Share a bike between departments']);
    });

    it('ranks a title match above a summary-only match, and finds nothing for absent words', async () => {
      await idea({ title: 'Un autre sujet', summary: 'On parle aussi de compostage ici.' });
      await idea({ title: 'Compostage des déchets de la cantine' });
      expect(titles(await get('/api/wall?q=compostage'))).toEqual([
        'Compostage des déchets de la cantine',
        'Un autre sujet',
      ]);
      const none = await get('/api/wall?q=hélicoptère');
      expect(none.body).toEqual({ items: [], nextCursor: null, sort: 'relevance' });
    });

    it('ranks only the matches of the most recent window holding 100 of them; older ones follow, newest first', async () => {
      const day = 86_400_000;
      const now = Date.now();
      // 104 recent matches, in the summary only (a low rank), over the last 20 days: the 30-day window holds ≥ 100.
      const recent: string[] = (
        await ds.query<{ id: string }[]>(
          `INSERT INTO idea (kind, status, title, summary, org_unit_id, themes, anonymous, author_id, submitted_at,
                             published_at, version)
           SELECT 'problem', 'visible', 'Fenêtre récente ' || n, 'On parle de covoiturage ici', $1, '{}', false, $2,
                  $3::timestamptz, $3::timestamptz - make_interval(mins => n * 250), 1
           FROM generate_series(1, 104) n RETURNING id`,
          [service.id, author.person.id, new Date(now)],
        )
      ).map((r) => r.id);
      // A recent title match: the best of the window.
      const recentTitle = await idea({ title: 'Covoiturage entre collègues', publishedAt: new Date(now - 3 * day) });
      // Title matches older than the window: a full ranking would put them first.
      const old = [
        await idea({ title: 'Covoiturage vers le siège', publishedAt: new Date(now - 40 * day) }),
        await idea({ title: 'Covoiturage du vendredi', publishedAt: new Date(now - 400 * day) }),
        await idea({ title: 'Le covoiturage solidaire', publishedAt: new Date(now - 200 * day) }),
      ];
      let inserted = 0;
      const seen = await allPages('/api/wall?q=covoiturages&limit=30', async () => {
        // A match published meanwhile falls in the window: it may show up or not, never twice, and
        // never pushes a match off the list.
        await idea({ title: `Covoiturage nouveau ${inserted++}`, publishedAt: new Date() });
      });
      expect(seen[0]).toBe(recentTitle);
      const original = [...recent, recentTitle, ...old];
      expect(seen.filter((id) => original.includes(id)).sort()).toEqual([...original].sort());
      expect(new Set(seen).size).toBe(seen.length);
      // After the window's matches: the older matches, newest first.
      expect(seen.filter((id) => old.includes(id))).toEqual([old[0], old[2], old[1]]);
      expect(seen.slice(-3)).toEqual([old[0], old[2], old[1]]);
      expect(inserted).toBeGreaterThan(2);
    });

    it('ranks every match when no window holds 100 of them (a title match first, however old)', async () => {
      const oldTitle = await idea({
        title: 'Télétravail le mercredi',
        publishedAt: new Date(Date.now() - 900 * 86_400_000),
      });
      const newSummary = await idea({ title: 'Autre chose', summary: 'Du télétravail', publishedAt: new Date() });
      expect(ids(await get('/api/wall?q=teletravail'))).toEqual([oldTitle, newSummary]);
    });

    it('never fails on search syntax', async () => {
      for (const q of ['"vélos', 'or or', '-', '!!(:*', "l'été & |"]) await get(`/api/wall?q=${encodeURIComponent(q)}`);
    });
  });

  describe('filters', () => {
    let problemInCampaign: string;
    let solutionElsewhere: string;
    let qualifying: string;
    beforeAll(async () => {
      problemInCampaign = await idea({ title: 'Filtre A', kind: 'problem', campaignId, themes: ['mobilite'] });
      solutionElsewhere = await idea({ title: 'Filtre B', kind: 'solution', orgUnitId: other.id });
      qualifying = await idea({ title: 'Filtre C', kind: 'problem', status: 'qualify', orgUnitId: direction.id });
    });
    const filtered = async (query: string) => ids(await get(`/api/wall?q=filtre&${query}`));

    it('by kind, stage, campaign, org unit (with its sub-units) and theme', async () => {
      expect(await filtered('kind=solution')).toEqual([solutionElsewhere]);
      expect(await filtered('stage=qualify')).toEqual([qualifying]);
      expect(await filtered(`campaignId=${campaignId}`)).toEqual([problemInCampaign]);
      expect((await filtered(`orgUnitId=${direction.id}`)).sort()).toEqual([problemInCampaign, qualifying].sort());
      expect(await filtered(`orgUnitId=${other.id}`)).toEqual([solutionElsewhere]);
      expect(await filtered('theme=mobilite')).toEqual([problemInCampaign]);
      expect(await filtered(`kind=problem&campaignId=${campaignId}&theme=mobilite`)).toEqual([problemInCampaign]);
    });

    it('cards carry the campaign and the org unit', async () => {
      const res = await get(`/api/wall?campaignId=${campaignId}`);
      expect(res.body.items[0]).toMatchObject({
        id: problemInCampaign,
        kind: 'problem',
        status: 'visible',
        campaign: { id: campaignId, title: 'Mobilité douce' },
        orgUnit: { id: service.id, name: 'Unit W-SVC' },
        themes: ['mobilite'],
        supportCount: 0,
        commentCount: 0,
      });
    });

    it.each([
      ['kind=idea', 'kind'],
      ['stage=emerge', 'stage'],
      ['stage=nope', 'stage'],
      ['campaignId=nope', 'campaignId'],
      [`campaignId=${randomUUID()}`, 'campaignId'],
      [`orgUnitId=${randomUUID()}`, 'orgUnitId'],
      ['theme=unknown', 'theme'],
      ['sort=oldest', 'sort'],
      ['sort=relevance', 'sort'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['cursor=garbage', 'cursor'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ])('answers 400 problem+json naming the field for %s', async (query, field) => {
      const res = await get(`/api/wall?${query}`, reader, 400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });

    it('refuses a cursor of another sort', async () => {
      const first = await get('/api/wall?limit=1&sort=newest');
      const res = await get(
        `/api/wall?limit=1&sort=most_supported&cursor=${first.body.nextCursor as string}`,
        reader,
        400,
      );
      expect(res.body.errors[0].field).toBe('cursor');
    });
  });

  describe('sorts and keyset pages', () => {
    const made: { id: string; publishedAt: number; supportCount: number }[] = [];
    beforeAll(async () => {
      // Same publication time for some, same support count for others: the id breaks ties.
      const sameTime = new Date('2026-02-01T10:00:00.123456Z');
      for (let n = 0; n < 23; n++) {
        const publishedAt = n % 4 === 0 ? sameTime : new Date(Date.parse('2026-03-01T00:00:00Z') + n * 3_600_000 + 0.5);
        const supportCount = n % 5;
        const id = await idea({ title: `Tri ${n}`, themes: ['mobilite'], publishedAt, supportCount, kind: 'solution' });
        made.push({ id, publishedAt: publishedAt.getTime(), supportCount });
      }
    });

    it('newest: by publication, then id, descending; every idea exactly once across pages despite inserts', async () => {
      let inserted = 0;
      const seen = await allPages('/api/wall?q=tri&sort=newest&limit=4', async () => {
        // Published now: newer than the cursor, so it belongs to pages already read.
        await idea({
          title: `Tri nouveau ${inserted++}`,
          themes: ['mobilite'],
          kind: 'solution',
          publishedAt: new Date(),
        });
      });
      const expected = [...made]
        .sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : -1))
        .map((m) => m.id);
      expect(seen).toEqual(expected);
      expect(inserted).toBeGreaterThan(3);
      // An idea published meanwhile is on the first page of a fresh read.
      expect(titles(await get('/api/wall?q=tri&sort=newest&limit=1'))[0]).toMatch(/^Tri nouveau/);
    });

    it('most supported: by support count, then id; every idea exactly once despite inserts', async () => {
      const seen = await allPages('/api/wall?theme=mobilite&kind=solution&sort=most_supported&limit=5', async () => {
        await idea({ title: 'Tri inséré', themes: ['mobilite'], kind: 'solution', supportCount: 2 });
      });
      const original = new Set(made.map((m) => m.id));
      const ofOriginal = seen.filter((id) => original.has(id));
      expect(ofOriginal).toEqual(
        [...made].sort((a, b) => b.supportCount - a.supportCount || (a.id < b.id ? 1 : -1)).map((m) => m.id),
      );
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('trending: recent supports weigh more than old ones; ideas without recent supports follow, newest first', async () => {
      const people = await Promise.all([0, 1, 2, 3].map(() => makePerson(ds, { password: null })));
      const [fresh, older, stale] = await Promise.all([
        idea({ title: 'Tendance fraîche', themes: ['energie'], kind: 'solution' }),
        idea({ title: 'Tendance ancienne', themes: ['energie'], kind: 'solution' }),
        idea({ title: 'Tendance périmée', themes: ['energie'], kind: 'solution' }),
      ]);
      const support = (ideaId: string, person: TestPerson, daysAgo: number) =>
        ds.query(
          `INSERT INTO support (idea_id, person_id, created_at) VALUES ($1, $2, now() - make_interval(days => $3))`,
          [ideaId, person.person.id, daysAgo],
        );
      await support(fresh, people[0]!, 0);
      await support(fresh, people[1]!, 1); // ≈ 1 + 0.93
      await support(older, people[0]!, 10);
      await support(older, people[1]!, 11);
      await support(older, people[2]!, 12); // ≈ 0.29 + 0.21 + 0.14: three supports, but old
      for (const p of people) await support(stale, p, 20); // outside the 14 days: not trending
      await app.get(WallService, { strict: false }).refreshTrending();

      const seen = await allPages('/api/wall?theme=energie&kind=solution&sort=trending&limit=2', async () => {
        await idea({ title: 'Tendance insérée', themes: ['energie'], kind: 'solution' });
      });
      expect(seen.slice(0, 2)).toEqual([fresh, older]);
      // The rest: newest first, the stale one among them, no duplicates.
      expect(seen).toContain(stale);
      expect(new Set(seen).size).toBe(seen.length);
      const rest = await get('/api/wall?theme=energie&kind=solution&sort=newest&limit=50');
      const newestOrder = ids(rest).filter((id) => id !== fresh && id !== older);
      expect(seen.slice(2).filter((id) => newestOrder.includes(id))).toEqual(
        newestOrder.filter((id) => seen.slice(2).includes(id)),
      );
    });

    it('relevance pages through every match exactly once', async () => {
      const seen = await allPages('/api/wall?q=tri&limit=3');
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(23);
    });
  });

  describe('similar ideas', () => {
    let duplicate: string;
    beforeAll(async () => {
      duplicate = await idea({ title: 'Installer des abris à vélos sécurisés devant la mairie', kind: 'problem' });
      await idea({ title: 'Installer des bornes de recharge', kind: 'problem' });
      await idea({ title: 'Vélos électriques pour les agents', kind: 'solution' });
      await idea({ title: 'Abris vélos', status: 'emerge', published: false }); // a draft: never suggested
    });

    it('returns the near-duplicate first, public ideas only, at most 5', async () => {
      const res = await get(
        `/api/ideas/similar?title=${encodeURIComponent('installer des abris velos securises devant la mairie')}`,
      );
      expect(res.body.items[0].id).toBe(duplicate);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      expect(titles(res)).not.toContain('Abris vélos');
    });

    it('finds it while the title is still being typed, and filters by kind', async () => {
      const typing = await get(`/api/ideas/similar?title=${encodeURIComponent('abris à vélo')}`);
      expect(typing.body.items[0].id).toBe(duplicate);
      const solutions = await get(`/api/ideas/similar?title=${encodeURIComponent('abris à vélos')}&kind=solution`);
      expect((solutions.body.items as { kind: string }[]).every((i) => i.kind === 'solution')).toBe(true);
    });

    it('needs a title of 3 characters or more', async () => {
      const res = await get('/api/ideas/similar?title=ab', reader, 400);
      expect(res.body.errors[0].field).toBe('title');
    });
  });

  describe('links', () => {
    let problem: string;
    let solution: string;
    let draft: string;
    let otherProblem: string;
    beforeAll(async () => {
      problem = await idea({
        title: 'Lien problème',
        kind: 'problem',
        authorId: anonymousAuthor.person.id,
        anonymous: true,
      });
      otherProblem = await idea({ title: 'Lien autre problème', kind: 'problem' });
      solution = await idea({ title: 'Lien solution', kind: 'solution' });
      draft = await idea({ title: 'Lien brouillon', kind: 'problem', status: 'emerge', published: false });
    });
    const snapshot = async (id: string) =>
      (
        await ds.query(
          `SELECT i.status, i.version, i.published_at, n.support_count
           FROM idea i JOIN idea_counter n ON n.idea_id = i.id WHERE i.id = $1`,
          [id],
        )
      )[0] as unknown;

    it('an author links their solution to a problem it addresses; neither idea changes', async () => {
      const before = [await snapshot(solution), await snapshot(problem)];
      const res = await authorSession
        .send('post', `/api/ideas/${solution}/links`, { toId: problem, kind: 'addresses' })
        .expect(201);
      expect(res.body).toEqual({ fromId: solution, toId: problem, kind: 'addresses' });
      expect([await snapshot(solution), await snapshot(problem)]).toEqual(before);
      // Linking twice is harmless.
      await authorSession
        .send('post', `/api/ideas/${solution}/links`, { toId: problem, kind: 'addresses' })
        .expect(201);
      const linked = await get(`/api/ideas/${problem}/links`);
      expect(linked.body.items).toEqual([
        expect.objectContaining({ id: solution, linkKind: 'addresses', direction: 'incoming', kind: 'solution' }),
      ]);
      const audit = await ds.query(
        `SELECT action, data FROM audit_event WHERE subject_id = $1 AND action = 'idea.linked'`,
        [solution],
      );
      expect(audit).toHaveLength(1);
    });

    it('only a solution addresses a problem', async () => {
      const fromProblem = await authorSession
        .send('post', `/api/ideas/${otherProblem}/links`, { toId: problem, kind: 'addresses' })
        .expect(400);
      expect(fromProblem.body.errors[0].field).toBe('kind');
      const solution2 = await idea({ title: 'Lien solution 2', kind: 'solution' });
      const toSolution = await authorSession
        .send('post', `/api/ideas/${solution2}/links`, { toId: solution, kind: 'addresses' })
        .expect(400);
      expect(toSolution.body.errors[0].field).toBe('kind');
    });

    it('links only to an idea on the wall, never to itself', async () => {
      const toDraft = await authorSession
        .send('post', `/api/ideas/${solution}/links`, { toId: draft, kind: 'similar' })
        .expect(400);
      expect(toDraft.body.errors[0]).toMatchObject({ field: 'toId', code: 'notOnWall' });
      const self = await authorSession
        .send('post', `/api/ideas/${solution}/links`, { toId: solution, kind: 'similar' })
        .expect(400);
      expect(self.body.errors[0]).toMatchObject({ field: 'toId', code: 'sameIdea' });
      const bad = await authorSession
        .send('post', `/api/ideas/${solution}/links`, { toId: 'x', kind: 'twin' })
        .expect(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['kind', 'toId']);
    });

    it('someone else may not link; a network member in scope may; a draft of someone else is a 404', async () => {
      const refused = await reader
        .send('post', `/api/ideas/${otherProblem}/links`, { toId: problem, kind: 'similar' })
        .expect(403);
      expect(refused.body.code).toBe('not_author_or_network');
      await network.send('post', `/api/ideas/${otherProblem}/links`, { toId: problem, kind: 'similar' }).expect(201);
      await reader.send('post', `/api/ideas/${draft}/links`, { toId: problem, kind: 'similar' }).expect(404);
      // "similar" is one relation whichever side it was made from: the reverse is the same link.
      await network.send('post', `/api/ideas/${problem}/links`, { toId: otherProblem, kind: 'similar' }).expect(201);
      const rows = await ds.query(
        `SELECT 1 FROM idea_link WHERE kind = 'similar' AND $1 IN (from_id, to_id) AND $2 IN (from_id, to_id)`,
        [problem, otherProblem],
      );
      expect(rows).toHaveLength(1);
    });

    it('removes a link (authors or network), then 404 for a link that is not there', async () => {
      await reader.send('delete', `/api/ideas/${otherProblem}/links/similar/${problem}`).expect(403);
      await network.send('delete', `/api/ideas/${otherProblem}/links/similar/${problem}`).expect(204);
      const again = await network.send('delete', `/api/ideas/${otherProblem}/links/similar/${problem}`).expect(404);
      expect(again.body.code).toBe('idea_link_not_found');
      expect(await snapshot(otherProblem)).toMatchObject({ status: 'visible', version: 1 });
    });

    it('audits an anonymous author’s link and unlink under one pseudonym, never under their id or name', async () => {
      const secret = await signIn(app, anonymousAuthor.email, anonymousAuthor.password!);
      await secret.send('post', `/api/ideas/${problem}/links`, { toId: otherProblem, kind: 'similar' }).expect(201);
      await secret.send('delete', `/api/ideas/${problem}/links/similar/${otherProblem}`).expect(204);
      const adminPerson = await makePerson(ds, { roles: [{ role: 'admin' }] });
      const admin = await signIn(app, adminPerson.email, adminPerson.password!);
      const res = await admin.agent.get('/api/admin/audit').query({ subjectId: problem }).expect(200);
      const mine = (res.body.items as { action: string; actor: unknown; actorPseudonym: string | null }[]).filter(
        (e) => e.action === 'idea.linked' || e.action === 'idea.unlinked',
      );
      expect(mine.map((e) => e.action).sort()).toEqual(['idea.linked', 'idea.unlinked']);
      expect(mine.every((e) => e.actor === null)).toBe(true);
      expect(mine[0]!.actorPseudonym).toMatch(/^[0-9a-f-]{36}$/);
      expect(mine[1]!.actorPseudonym).toBe(mine[0]!.actorPseudonym);
      for (const needle of [anonymousAuthor.person.id, 'Secretauthor', 'zoe.secretauthor'])
        expect(res.text).not.toContain(needle);
      const rows = await ds.query(`SELECT actor_id FROM audit_event WHERE subject_id = $1 AND actor_id = $2`, [
        problem,
        anonymousAuthor.person.id,
      ]);
      expect(rows).toEqual([]);
      // Only the guardian's audited reveal says who stands behind the pseudonym.
      const guardianPerson = await makePerson(ds, { roles: [{ role: 'anonymity_guardian' }] });
      const guardian = await signIn(app, guardianPerson.email, guardianPerson.password!);
      const revealed = await guardian
        .send('post', `/api/ideas/${problem}/reveal-author`, { reason: 'Plainte à instruire' })
        .expect(200);
      expect(revealed.body.auditPseudonyms).toEqual([
        {
          pseudonym: mine[0]!.actorPseudonym,
          person: { id: anonymousAuthor.person.id, givenName: 'Zoé', familyName: 'Secretauthor' },
        },
      ]);
    });
  });

  describe('shared page cache (WALL_CACHE_SECONDS)', () => {
    let cachedApp: NestExpressApplication;
    /** The same person signed in on the uncached app and on the cached one. */
    let roles: { name: string; plain: SignedIn; cached: SignedIn }[];
    let cachedPage: (path: string, as: SignedIn) => Promise<request.Response>;

    beforeAll(async () => {
      // A TTL far longer than any wait below: a page that changes before it can only have been dropped by NOTIFY.
      process.env['WALL_CACHE_SECONDS'] = '60';
      cachedApp = await createApiApp({ logger: false });
      await cachedApp.init();
      process.env['WALL_CACHE_SECONDS'] = '0';
      const people: [string, TestPerson][] = [
        ['employee', await makePerson(ds, { unit: other })],
        ['author', author],
        ['anonymous author', anonymousAuthor],
        ['network member', await makePerson(ds, { unit: other, roles: [{ role: 'network_member' }] })],
        ['anonymity guardian', await makePerson(ds, { unit: service, roles: [{ role: 'anonymity_guardian' }] })],
        ['admin', await makePerson(ds, { roles: [{ role: 'admin' }] })],
      ];
      roles = [];
      for (const [name, person] of people)
        roles.push({
          name,
          plain: await signIn(app, person.email, person.password!),
          cached: await signIn(cachedApp, person.email, person.password!),
        });
      cachedPage = async (path, as) => {
        const res = await as.agent.get(path).expect(200);
        bodies.push(res.text);
        return res;
      };
      await idea({
        title: 'Vestiaire anonyme pour le cache',
        authorId: anonymousAuthor.person.id,
        anonymous: true,
        campaignId,
        themes: ['mobilite'],
      });
      await idea({ title: 'Vestiaire nominatif pour le cache', themes: ['mobilite'], supportCount: 3 });
    });

    afterAll(async () => {
      await cachedApp?.close();
    });

    it('gives every role exactly what the uncached wall gives it (listings, searches, filters, next pages)', async () => {
      const paths = [
        '/api/wall',
        '/api/wall?limit=5',
        '/api/wall?q=vestiaire',
        '/api/wall?q=vestiaire&sort=newest',
        '/api/wall?sort=most_supported&limit=7',
        '/api/wall?sort=trending&limit=7',
        `/api/wall?campaignId=${campaignId}`,
        '/api/wall?theme=mobilite&kind=problem&limit=3',
      ];
      const first = await get('/api/wall?limit=3');
      paths.push(`/api/wall?limit=3&cursor=${encodeURIComponent(first.body.nextCursor as string)}`);
      let compared = 0;
      for (const path of paths)
        // The first role fills the cache, the others are served from it.
        for (const role of roles) {
          const cached = await cachedPage(path, role.cached);
          const plain = await get(path, role.plain);
          expect({ role: role.name, path, body: cached.body }).toEqual({ role: role.name, path, body: plain.body });
          compared += 1;
        }
      expect(compared).toBe(paths.length * roles.length);
      expect(cachedApp.get(WallPageCache, { strict: false }).size).toBeGreaterThanOrEqual(paths.length);
    });

    it('serves the cached page (counters may lag) until a wall-visible change, which every process learns by NOTIFY', async () => {
      const id = await idea({ title: 'Témoin du cache', themes: ['energie'] });
      // Wait for the insert's own notification before filling the cache, so that it cannot empty it later.
      const listener = new Client({ connectionString: ctx.db.url });
      await listener.connect();
      try {
        const notified = new Promise((resolve) => listener.once('notification', resolve));
        await listener.query(`LISTEN ${WALL_CHANGED_CHANNEL}`);
        await ds.query(`UPDATE idea SET title = 'Témoin du cache' WHERE id = $1`, [id]);
        await notified;
      } finally {
        await listener.end();
      }
      await cachedPage('/api/wall?sort=newest&limit=2', roles[0]!.cached); // a full round trip first
      const reader0 = roles[0]!;
      const before = await cachedPage('/api/wall?q=temoin', reader0.cached);
      expect(before.body.items).toEqual([expect.objectContaining({ id, supportCount: 0 })]);

      // A counter is not a wall-visible change: the cached page keeps the old count, the database has the new one.
      await ds.query(`UPDATE idea_counter SET support_count = 7 WHERE idea_id = $1`, [id]);
      expect((await cachedPage('/api/wall?q=temoin', roles[1]!.cached)).body.items).toEqual([
        expect.objectContaining({ id, supportCount: 0 }),
      ]);
      expect((await get('/api/wall?q=temoin', reader0.plain)).body.items).toEqual([
        expect.objectContaining({ id, supportCount: 7 }),
      ]);

      // Hidden by moderation: gone from the cached page as soon as the notification arrives (TTL is 60 s).
      await ds.query(`UPDATE idea SET hidden_at = now() WHERE id = $1`, [id]);
      let items: unknown[] = [{}];
      for (let attempt = 0; attempt < 100 && items.length > 0; attempt++) {
        items = (await cachedPage('/api/wall?q=temoin', reader0.cached)).body.items as unknown[];
        if (items.length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(items).toEqual([]);
    });
  });

  it('never shows an anonymous author: no id, name or e-mail in any wall, search, similar or links response', async () => {
    const anon = await idea({
      title: 'Idée anonyme sur les vestiaires',
      summary: 'Des vestiaires pour les cyclistes',
      authorId: anonymousAuthor.person.id,
      anonymous: true,
      campaignId,
    });
    await get('/api/wall?q=vestiaires');
    await get('/api/wall?sort=most_supported&limit=50');
    await get('/api/wall?sort=trending&limit=50');
    await get(`/api/wall?campaignId=${campaignId}`);
    await get(`/api/ideas/similar?title=${encodeURIComponent('idée anonyme vestiaires')}`);
    await get(`/api/ideas/${anon}/links`);
    expect(bodies.join('\n')).toContain(anon);
    for (const needle of [anonymousAuthor.person.id, 'Secretauthor', 'Zoé', 'zoe.secretauthor'])
      for (const body of bodies) expect(body).not.toContain(needle);
  });
});
