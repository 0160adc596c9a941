import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { OutboxMessage } from '@eclore/server-platform';
import { IdeaEvent, type Idea } from '@eclore/server-ideas';
import { Person, RoleGrant, type OrgUnit } from '@eclore/server-identity';
import { Scorecard } from '@eclore/server-qualification';
import { makeExperiment, makeIdea, identityMarkers, unitByCode } from '../../../../test/harness';
import {
  createApiTestContext,
  type ApiTestContext,
  signInMany,
  type Member,
} from '../../../../test/harness/api-context';
import { pdfLines } from '../../../../test/pdf-text';

interface AgendaItem {
  id: string;
  idea: { id: string; title: string; status: string; author: unknown; authorHidden: boolean };
  decision: string | null;
  rationale: string | null;
  inScope: boolean;
}
interface Session {
  id: string;
  status: string;
  language: string;
  agenda: AgendaItem[];
  members: { id: string; chair: boolean; present: boolean | null }[];
}

/**
 * Committee sessions over real HTTP on the real application (seeded demo organisation, real
 * PostgreSQL): planning, the agenda from qualified ideas, decisions as lifecycle commands published
 * to the authors, scoped committee members, and the minutes PDF in the session's language.
 */
describe('committee sessions API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let author: Member; // Girard, employee in DS-SOINS
  let follower: Member; // Monnier, employee
  let morel: Member; // committee, whole organisation
  let bouchard: Member; // committee, whole organisation
  let scoped: Member; // Perret, committee member for DF only (granted here)
  let soins: OrgUnit;

  const qualified = (
    unit: OrgUnit | null = soins,
    extra: { anonymous?: boolean; title?: string } = {},
  ): Promise<Idea> => makeIdea(ds, { authors: [author.person], unit, status: 'decide', ...extra });

  async function plan(language: 'fr' | 'en' = 'fr', title = 'Séance de printemps'): Promise<Session> {
    const res = await morel
      .send('post', '/api/committee/sessions', {
        title,
        scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        language,
        memberIds: [morel.person.id, bouchard.person.id, scoped.person.id],
        chairId: morel.person.id,
      })
      .expect(201);
    return res.body as Session;
  }
  const add = async (session: Session, idea: Idea) =>
    (await morel.send('post', `/api/committee/sessions/${session.id}/agenda`, { ideaId: idea.id }).expect(200))
      .body as Session;
  const start = async (session: Session) =>
    (await morel.send('post', `/api/committee/sessions/${session.id}/start`).expect(200)).body as Session;
  const decide = (who: Member, session: Session, item: AgendaItem, body: object) =>
    who.send('post', `/api/committee/sessions/${session.id}/agenda/${item.id}/decision`, body);

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'committee', seed: true });
    ({ ds } = ctx);
    const finances = await unitByCode(ds, 'DF');
    soins = await unitByCode(ds, 'DS-SOINS');
    const perret = await ds.query<{ id: string }[]>(`SELECT id FROM person WHERE family_name = 'Perret'`);
    await ds.getRepository(RoleGrant).insert({
      personId: perret[0]!.id,
      role: 'committee_member',
      scopeKind: 'org_unit',
      scopeOrgUnitId: finances.id,
      scopeTheme: null,
      grantedBy: null,
    });
    [author, follower, morel, bouchard, scoped] = await signInMany(ctx, [
      'Girard',
      'Monnier',
      'Morel',
      'Bouchard',
      'Perret',
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('lets committee members plan a session; an employee cannot (403), bad fields are named (400)', async () => {
    await author
      .send('post', '/api/committee/sessions', {
        title: 'x',
        scheduledAt: new Date().toISOString(),
        language: 'fr',
        memberIds: [author.person.id],
        chairId: author.person.id,
      })
      .expect(403);
    await author.get('/api/committee/sessions').expect(403);
    const bad = await morel
      .send('post', '/api/committee/sessions', {
        title: 'Séance',
        scheduledAt: new Date().toISOString(),
        language: 'fr',
        memberIds: [morel.person.id, author.person.id],
        chairId: bouchard.person.id,
      })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(bad.body)).toContain('chairId');
    const wrongLanguage = await morel
      .send('post', '/api/committee/sessions', {
        title: 'Séance',
        scheduledAt: new Date().toISOString(),
        language: 'de',
        memberIds: [morel.person.id],
        chairId: morel.person.id,
      })
      .expect(400);
    expect(JSON.stringify(wrongLanguage.body)).toContain('language');

    const session = await plan();
    expect(session.status).toBe('planned');
    expect(session.members.find((m) => m.chair)?.id).toBe(morel.person.id);
    const list = await bouchard.get('/api/committee/sessions').expect(200);
    expect((list.body as { id: string }[]).map((s) => s.id)).toContain(session.id);
  });

  it('suggests a prototype back for decide_implement once its experiment is validated, takes it with its evidence and decides implement on it', async () => {
    const session = await plan();
    const prototype = (validated: boolean) =>
      makeIdea(ds, { authors: [author.person], unit: soins, status: 'prototype' }).then(async (idea) => {
        const { experiment } = await makeExperiment(ds, { idea, by: author.person });
        if (validated)
          await ds.query(`UPDATE experiment SET status = 'validated', outcome_at = now() WHERE id = $1`, [
            experiment.id,
          ]);
        return { idea, experiment };
      });
    const ready = await prototype(true);
    const running = await prototype(false);

    const suggested = async (s: Session) =>
      ((await morel.get(`/api/committee/sessions/${s.id}/suggestions`).expect(200)).body.items as { id: string }[]).map(
        (i) => i.id,
      );
    const before = await suggested(session);
    expect(before).toContain(ready.idea.id);
    expect(before).not.toContain(running.idea.id);

    await add(session, ready.idea);
    const body = await morel.get(`/api/committee/sessions/${session.id}`).expect(200);
    const links = await ds.query(
      `SELECT agenda_item_id AS "itemId" FROM experiment_agenda_item WHERE experiment_id = $1`,
      [ready.experiment.id],
    );
    expect(links).toEqual([{ itemId: (body.body as Session).agenda[0]!.id }]);
    // On an open agenda now: no longer suggested for another session.
    expect(await suggested(await plan())).not.toContain(ready.idea.id);

    // Decided "implement" in session: the decision lands on its item like any other.
    await start(session);
    const decided = (
      await decide(morel, session, (body.body as Session).agenda[0]!, {
        kind: 'implement',
        rationale: 'Concluant',
      }).expect(200)
    ).body as Session;
    expect(decided.agenda[0]).toMatchObject({ decision: 'implement', rationale: 'Concluant' });
    expect(decided.agenda[0]!.idea.status).toBe('implement');
  });

  it('builds the agenda from qualified ideas, notifies the members, reorders and removes', async () => {
    const session = await plan();
    const first = await qualified();
    const second = await qualified();
    const notQualified = await makeIdea(ds, { authors: [author.person], unit: soins, status: 'qualify' });

    const suggestions = await morel.get(`/api/committee/sessions/${session.id}/suggestions`).expect(200);
    const suggested = (suggestions.body.items as { id: string }[]).map((i) => i.id);
    expect(suggested).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(suggested).not.toContain(notQualified.id);

    await add(session, first);
    let body = await add(session, second);
    expect(body.agenda.map((a) => a.idea.id)).toEqual([first.id, second.id]);
    const conflict = await morel
      .send('post', `/api/committee/sessions/${session.id}/agenda`, { ideaId: notQualified.id })
      .expect(409);
    expect(conflict.body.code).toBe('not_qualified');
    // An idea sits on one open agenda at a time, and is no longer suggested.
    const other = await plan();
    const twice = await morel
      .send('post', `/api/committee/sessions/${other.id}/agenda`, { ideaId: first.id })
      .expect(409);
    expect(twice.body.code).toBe('already_on_agenda');
    const after = await morel.get(`/api/committee/sessions/${other.id}/suggestions`).expect(200);
    expect((after.body.items as { id: string }[]).map((i) => i.id)).not.toContain(first.id);

    const events = await ds.getRepository(IdeaEvent).findBy({ ideaId: first.id, type: 'committee_agenda_added' });
    expect(events).toHaveLength(1);
    expect(events[0]!.public).toBe(false);
    expect(events[0]!.data).toMatchObject({
      sessionId: session.id,
      memberIds: expect.arrayContaining([bouchard.person.id]),
    });
    const outbox = await ds
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where(`o.payload->>'ideaEventId' = :id`, { id: String(events[0]!.id) })
      .getCount();
    expect(outbox).toBeGreaterThan(0);

    const [a, b] = body.agenda;
    body = (
      await morel
        .send('put', `/api/committee/sessions/${session.id}/agenda/order`, { itemIds: [b!.id, a!.id] })
        .expect(200)
    ).body;
    expect(body.agenda.map((i) => i.idea.id)).toEqual([second.id, first.id]);
    const badOrder = await morel
      .send('put', `/api/committee/sessions/${session.id}/agenda/order`, { itemIds: [a!.id] })
      .expect(400);
    expect(JSON.stringify(badOrder.body)).toContain('itemIds');
    body = (await morel.send('delete', `/api/committee/sessions/${session.id}/agenda/${b!.id}`).expect(200)).body;
    expect(body.agenda.map((i) => i.idea.id)).toEqual([first.id]);
    expect(body.agenda[0]!.id).toBe(a!.id);
  });

  it('never names an anonymous author in the session, the pack or the prioritisation', async () => {
    const session = await plan();
    // Written by someone who has no named idea around, so any trace of them would be a leak.
    const writer = await ds.getRepository(Person).findOneByOrFail({ familyName: 'Benali' });
    const anonymous = await makeIdea(ds, { authors: [writer], unit: soins, status: 'decide', anonymous: true });
    await add(session, anonymous);
    const responses = await Promise.all([
      morel.get(`/api/committee/sessions/${session.id}`).expect(200),
      morel.get(`/api/committee/sessions/${session.id}/pack`).expect(200),
      morel.get(`/api/committee/sessions/${session.id}/prioritisation`).expect(200),
      morel.get(`/api/committee/sessions/${session.id}/suggestions`).expect(200),
    ]);
    for (const res of responses) {
      const text = JSON.stringify(res.body);
      for (const marker of identityMarkers(writer)) expect(text).not.toContain(marker);
    }
    const pack = responses[1]!.body as { items: { idea: { id: string; authorHidden: boolean } }[] };
    expect(pack.items.find((i) => i.idea.id === anonymous.id)?.idea.authorHidden).toBe(true);
    const prio = responses[2]!.body as { items: { ideaId: string; onAgenda: boolean }[] };
    expect(prio.items.find((i) => i.ideaId === anonymous.id)?.onAgenda).toBe(true);
  });

  it('ranks by the consolidated weighted score and carries value and effort for the plot', async () => {
    const session = await plan();
    const [strong, weak, unscored] = [await qualified(), await qualified(), await qualified()];
    await add(session, weak);
    const reviewers = await ds.query<{ id: string }[]>(
      `SELECT id FROM person WHERE family_name IN ('Tremblay', 'Gagnon') ORDER BY family_name`,
    );
    const all = (n: number) => ({ user_value: n, feasibility: n, cost: n, strategic_alignment: n, replicability: n });
    for (const [idea, score] of [
      [strong, 5],
      [weak, 2],
    ] as const) {
      for (const r of reviewers) {
        await ds.getRepository(Scorecard).insert({
          ideaId: idea.id,
          reviewerId: r.id,
          status: 'submitted',
          scores: all(score),
          comment: '',
          submittedAt: new Date(),
        });
      }
    }
    const prio = (await morel.get(`/api/committee/sessions/${session.id}/prioritisation`).expect(200)).body as {
      items: {
        ideaId: string;
        rank: number | null;
        weightedScore: number | null;
        value: number | null;
        effort: number | null;
        reviewerCount: number;
        onAgenda: boolean;
      }[];
    };
    const mine = prio.items.filter((i) => [strong.id, weak.id, unscored.id].includes(i.ideaId));
    expect(mine.map((i) => i.ideaId)).toEqual([strong.id, weak.id, unscored.id]);
    expect(mine[0]).toMatchObject({ weightedScore: 5, value: 5, reviewerCount: 2, onAgenda: false });
    expect(mine[1]).toMatchObject({ weightedScore: 2, reviewerCount: 2, onAgenda: true });
    expect(mine[1]!.rank).toBeGreaterThan(mine[0]!.rank!);
    expect(mine[2]).toMatchObject({ rank: null, weightedScore: null, reviewerCount: 0 });
    const pack = (await morel.get(`/api/committee/sessions/${session.id}/pack`).expect(200)).body as {
      items: {
        idea: { id: string };
        scorecard: { weightedScore: number; criteria: { key: string; spread: number }[] };
      }[];
    };
    expect(pack.items).toHaveLength(1);
    expect(pack.items[0]!.scorecard.weightedScore).toBe(2);
    expect(pack.items[0]!.scorecard.criteria.map((c) => c.spread)).toEqual([0, 0, 0, 0, 0]);
  });

  it('decides in session through the lifecycle: rationale required, future parking date, scope, published to the author', async () => {
    const session = await plan();
    const toPrototype = await qualified();
    const toPark = await qualified();
    await follower.send('put', `/api/ideas/${toPrototype.id}/follow`).expect(200);
    await add(session, toPrototype);
    let body = await add(session, toPark);
    const [protoItem, parkItem] = body.agenda;

    // Not in session yet.
    expect(
      (await decide(morel, session, protoItem!, { kind: 'prototype', rationale: 'Oui' }).expect(409)).body.code,
    ).toBe('session_not_in_session');
    body = await start(session);
    expect(body.status).toBe('in_session');

    await decide(author, session, protoItem!, { kind: 'prototype', rationale: 'Oui' }).expect(403);
    // A committee member scoped to the finance direction cannot decide a care unit's idea.
    const outOfScope = await decide(scoped, session, protoItem!, { kind: 'prototype', rationale: 'Oui' }).expect(403);
    expect(outOfScope.body.code).toBe('out_of_scope');
    expect(body.agenda.every((a) => a.inScope)).toBe(true);
    const seenByScoped = (await scoped.get(`/api/committee/sessions/${session.id}`).expect(200)).body as Session;
    expect(seenByScoped.agenda.every((a) => !a.inScope)).toBe(true);

    const missing = await decide(morel, session, protoItem!, { kind: 'prototype' }).expect(400);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(missing.body)).toContain('rationale');
    const blank = await decide(morel, session, protoItem!, { kind: 'prototype', rationale: '   ' }).expect(400);
    expect(blank.body.errors.map((f: { field: string }) => f.field)).toEqual(['rationale']);

    const noDate = await decide(morel, session, parkItem!, { kind: 'park', rationale: 'Budget' }).expect(400);
    expect(noDate.body.errors.map((f: { field: string }) => f.field)).toEqual(['until']);
    const past = await decide(morel, session, parkItem!, {
      kind: 'park',
      rationale: 'Budget',
      until: new Date(Date.now() - 86_400_000).toISOString(),
    }).expect(400);
    expect(past.body.errors[0]).toMatchObject({ field: 'until', code: 'must_be_future' });

    const rationale = 'Un irritant quotidien pour les équipes de nuit : on teste sur œuvre réelle.';
    body = (await decide(morel, session, protoItem!, { kind: 'prototype', rationale }).expect(200)).body;
    expect(body.agenda[0]).toMatchObject({ decision: 'prototype', rationale });
    expect(body.agenda[0]!.idea.status).toBe('prototype');
    await decide(bouchard, session, protoItem!, { kind: 'decline', rationale: 'Non' }).expect(409);
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString();
    body = (await decide(bouchard, session, parkItem!, { kind: 'park', rationale: 'Budget 2027', until }).expect(200))
      .body;
    expect(body.agenda[1]).toMatchObject({ decision: 'park', rationale: 'Budget 2027' });

    // The author and a follower see the answer on the idea page and on the public timeline.
    for (const reader of [author, follower]) {
      const idea = await reader.get(`/api/ideas/${toPrototype.id}`).expect(200);
      expect(idea.body.status).toBe('prototype');
      expect(idea.body.answer.text).toBe(rationale);
      expect(idea.body.answer.publishedAt).not.toBeNull();
      const timeline = await reader.get(`/api/ideas/${toPrototype.id}/timeline`).expect(200);
      expect(timeline.body.events).toContainEqual(
        expect.objectContaining({ type: 'decide_prototype', public: true, text: rationale }),
      );
    }
    // The decision event goes out through the outbox (notifications: authors and followers).
    const event = await ds
      .getRepository(IdeaEvent)
      .findOneByOrFail({ ideaId: toPrototype.id, type: 'decide_prototype' });
    const queued = await ds
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where(`o.payload->>'ideaEventId' = :id`, { id: String(event.id) })
      .getCount();
    expect(queued).toBeGreaterThan(0);

    const closed = (
      await morel
        .send('post', `/api/committee/sessions/${session.id}/close`, {
          presentIds: [morel.person.id, bouchard.person.id],
        })
        .expect(200)
    ).body as Session;
    expect(closed.status).toBe('closed');
    expect(closed.members.find((m) => m.id === scoped.person.id)?.present).toBe(false);
    await morel
      .send('post', `/api/committee/sessions/${session.id}/agenda`, { ideaId: (await qualified()).id })
      .expect(409);
  });

  it('records a decision taken on the idea page on its open agenda item (no undecided item left behind)', async () => {
    const session = await plan('fr', 'Séance du décidé ailleurs');
    const idea = await qualified();
    const [item] = (await add(session, idea)).agenda;
    const rationale = 'Hors périmètre budgétaire cette année.';
    await morel.send('post', `/api/ideas/${idea.id}/decline`, { rationale }).expect(200);
    const body = (await morel.get(`/api/committee/sessions/${session.id}`).expect(200)).body as Session;
    expect(body.agenda.find((a) => a.id === item!.id)).toMatchObject({ decision: 'decline', rationale });
    // Deciding it again in session is the conflict it is, not a second decision.
    await start(session);
    expect((await decide(morel, session, item!, { kind: 'prototype', rationale: 'Oui' }).expect(409)).body.code).toBe(
      'already_decided',
    );
  });

  it.each([
    [
      'fr',
      [
        'Procès-verbal de la séance du comité de pilotage',
        'Membres présents : ',
        'Décision : Passage en mise en œuvre',
        'Motivation : Cœur de métier’s « essai »',
        'Membres excusés : ',
      ],
    ],
    [
      'en',
      [
        'Minutes of the steering committee session',
        'Members present: ',
        'Decision: Go to implementation',
        'Rationale: Cœur de métier’s « essai »',
        'Members absent: ',
      ],
    ],
  ] as const)('exports the minutes as a PDF in the session’s language (%s)', async (language, expected) => {
    const session = await plan(language, `Séance ${language}`);
    const idea = await qualified(soins, { title: `Réduire l’attente ${language}` });
    const body = await add(session, idea);
    await start(session);
    await decide(morel, session, body.agenda[0]!, {
      kind: 'implement',
      rationale: 'Cœur de métier’s « essai »',
    }).expect(200);
    await morel
      .send('post', `/api/committee/sessions/${session.id}/close`, { presentIds: [morel.person.id] })
      .expect(200);

    await author.get(`/api/committee/sessions/${session.id}/minutes.pdf`).expect(403);
    const res = await bouchard
      .get(`/api/committee/sessions/${session.id}/minutes.pdf`)
      .responseType('blob')
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(language === 'fr' ? 'proces-verbal' : 'minutes');
    const text = await pdfLines(res.body as Buffer);
    for (const line of expected) expect(text).toContain(line);
    expect(text).toContain(`Réduire l’attente ${language}`);
    expect(text).toContain('Philippe Morel');
    // The other language is absent.
    expect(text).not.toContain(language === 'fr' ? 'Decision' : 'Décision');
  });
});
