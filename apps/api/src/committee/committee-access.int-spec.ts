import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Idea } from '@eclore/server-ideas';
import { RoleGrant, type OrgUnit } from '@eclore/server-identity';
import { Scorecard } from '@eclore/server-qualification';
import { makeIdea, unitByCode } from '../../../../test/harness';
import {
  createApiTestContext,
  type ApiTestContext,
  signInMany,
  type Member,
} from '../../../../test/harness/api-context';
import { pdfLines } from '../../../../test/pdf-text';

interface Session {
  id: string;
  status: string;
  agenda: { id: string; idea: { id: string } }[];
}
interface Pack {
  items: { idea: { id: string }; scorecard: { weightedScore: number } | null }[];
}
interface Prioritisation {
  items: { ideaId: string; weightedScore: number | null; reviewerCount: number }[];
}

/**
 * Committee access through the ideas' own policies (finding 13 of the trust issue): the scores of an
 * idea never reach one of its authors sitting on the committee, agenda ideas are presented only to
 * those who may read them, and session-wide changes need a committee scope covering every agenda idea.
 */
describe('committee access', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let morel: Member; // committee, whole organisation
  let bouchard: Member; // committee, whole organisation; author of an anonymous idea here
  let scoped: Member; // Perret, committee member for DF only (granted here)
  let soins: OrgUnit;

  async function plan(): Promise<Session> {
    const res = await morel
      .send('post', '/api/committee/sessions', {
        title: 'Séance',
        scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        language: 'fr',
        memberIds: [morel.person.id, bouchard.person.id, scoped.person.id],
        chairId: morel.person.id,
      })
      .expect(201);
    return res.body as Session;
  }
  const add = async (session: Session, idea: Idea) =>
    (await morel.send('post', `/api/committee/sessions/${session.id}/agenda`, { ideaId: idea.id }).expect(200))
      .body as Session;

  async function score(idea: Idea, value: number): Promise<void> {
    const reviewers = await ds.query<{ id: string }[]>(
      `SELECT id FROM person WHERE family_name IN ('Tremblay', 'Gagnon') ORDER BY family_name`,
    );
    for (const r of reviewers) {
      await ds.getRepository(Scorecard).insert({
        ideaId: idea.id,
        reviewerId: r.id,
        status: 'submitted',
        scores: {
          user_value: value,
          feasibility: value,
          cost: value,
          strategic_alignment: value,
          replicability: value,
        },
        comment: '',
        submittedAt: new Date(),
      });
    }
  }

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'committee-access', seed: true });
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
    [morel, bouchard, scoped] = await signInMany(ctx, ['Morel', 'Bouchard', 'Perret']);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('never shows a committee member the scores of an idea they wrote (pack and prioritisation)', async () => {
    const session = await plan();
    const own = await makeIdea(ds, { authors: [bouchard.person], unit: soins, status: 'decide', anonymous: true });
    const other = await makeIdea(ds, { authors: [morel.person], unit: soins, status: 'decide' });
    await score(own, 4);
    await score(other, 3);
    await add(session, own);
    await add(session, other);

    const cardOf = (pack: Pack, id: string) => pack.items.find((i) => i.idea.id === id)?.scorecard ?? null;
    const seenByOthers = (await morel.get(`/api/committee/sessions/${session.id}/pack`).expect(200)).body as Pack;
    expect(cardOf(seenByOthers, own.id)?.weightedScore).toBe(4);
    const seenByAuthor = (await bouchard.get(`/api/committee/sessions/${session.id}/pack`).expect(200)).body as Pack;
    expect(seenByAuthor.items.map((i) => i.idea.id).sort()).toEqual([own.id, other.id].sort());
    expect(cardOf(seenByAuthor, own.id)).toBeNull();
    expect(cardOf(seenByAuthor, other.id)?.weightedScore).toBe(3);

    const prio = (await bouchard.get(`/api/committee/sessions/${session.id}/prioritisation`).expect(200))
      .body as Prioritisation;
    expect(prio.items.find((i) => i.ideaId === own.id)).toMatchObject({ weightedScore: null, reviewerCount: 0 });
    expect(prio.items.find((i) => i.ideaId === other.id)).toMatchObject({ weightedScore: 3 });
  });

  it('presents an agenda idea only to those the idea’s read policy lets read it', async () => {
    const session = await plan();
    const idea = await makeIdea(ds, { authors: [morel.person], unit: soins, status: 'decide' });
    await add(session, idea);
    // Hidden by moderation after it was put on the agenda: off the wall, seen by staff in scope only.
    await ds.getRepository(Idea).update({ id: idea.id }, { hiddenAt: new Date() });
    const byStaff = (await morel.get(`/api/committee/sessions/${session.id}`).expect(200)).body as Session;
    expect(byStaff.agenda.map((a) => a.idea.id)).toEqual([idea.id]);
    for (const path of ['', '/pack']) {
      const res = await scoped.get(`/api/committee/sessions/${session.id}${path}`).expect(200);
      expect(JSON.stringify(res.body)).not.toContain(idea.id);
      expect(res.text).not.toContain(idea.title);
    }
    const minutes = async (who: Member) =>
      pdfLines(
        (await who.get(`/api/committee/sessions/${session.id}/minutes.pdf`).responseType('blob').expect(200))
          .body as Buffer,
      );
    expect(await minutes(morel)).toContain(idea.title);
    expect(await minutes(scoped)).not.toContain(idea.title);
  });

  it('checks committee.manage against the scope of every agenda idea for session-wide changes', async () => {
    const session = await plan();
    const a = await makeIdea(ds, { authors: [morel.person], unit: soins, status: 'decide' });
    const b = await makeIdea(ds, { authors: [morel.person], unit: soins, status: 'decide' });
    await add(session, a);
    const withBoth = await add(session, b);
    const reversed = withBoth.agenda.map((i) => i.id).reverse();
    const reorder = await scoped
      .send('put', `/api/committee/sessions/${session.id}/agenda/order`, { itemIds: reversed })
      .expect(403);
    expect(reorder.body.code).toBe('out_of_scope');
    expect((await scoped.send('post', `/api/committee/sessions/${session.id}/start`).expect(403)).body.code).toBe(
      'out_of_scope',
    );
    const unchanged = (await morel.get(`/api/committee/sessions/${session.id}`).expect(200)).body as Session;
    expect(unchanged.status).toBe('planned');
    expect(unchanged.agenda.map((i) => i.id)).toEqual(withBoth.agenda.map((i) => i.id));
    // In scope: the same changes go through.
    await morel.send('put', `/api/committee/sessions/${session.id}/agenda/order`, { itemIds: reversed }).expect(200);
    expect((await morel.send('post', `/api/committee/sessions/${session.id}/start`).expect(200)).body.status).toBe(
      'in_session',
    );
    const close = await scoped
      .send('post', `/api/committee/sessions/${session.id}/close`, { presentIds: [] })
      .expect(403);
    expect(close.body.code).toBe('out_of_scope');
  });
});
