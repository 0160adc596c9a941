import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Idea } from '@eclore/server-ideas';
import { makeContribution, makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

/**
 * Claiming one's anonymous contributions through the anonymity guardian, over real HTTP on the real
 * application (docs/recognition.md §1, "Anonymity"): the person asks for all their anonymous entries
 * of an idea at once; the guardian sees the claim without the person and grants or refuses; only a
 * granted claim names the entries; every step is audited, the claimant under their pseudonym.
 */
describe('contribution claims API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let hiddenPerson: TestPerson;
  let hidden: Member;
  let colleague: Member;
  let guardian: Member;
  let hr: Member;
  let secret: Idea;
  let second: Idea;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'contribution_claims' });
    ({ ds } = ctx);
    const unit = await makeUnit(ds);
    hiddenPerson = await makePerson(ds, { unit, givenName: 'Zoë', familyName: 'Ørsted-Claim' });
    const colleaguePerson = await makePerson(ds, { unit, givenName: 'Łukasz', familyName: 'Named' });
    [hidden, colleague, guardian, hr] = await Promise.all([
      ctx.signInAs(hiddenPerson),
      ctx.signInAs(colleaguePerson),
      ctx.signInAs(await makePerson(ds, { roles: ['anonymity_guardian'] })),
      ctx.signInAs(await makePerson(ds, { roles: ['hr'] })),
    ]);
    secret = await makeIdea(ds, { authors: [hiddenPerson.person], unit, anonymous: true, title: 'Idée secrète' });
    second = await makeIdea(ds, { authors: [hiddenPerson.person], unit, anonymous: true, title: 'Seconde idée' });
    const at = new Date(Date.UTC(2026, 2, 1));
    for (const kind of ['team_member', 'milestone_done'] as const)
      await makeContribution(ds, { idea: secret, kind, person: hiddenPerson.person, at, anonymous: true });
    await makeContribution(ds, { idea: secret, kind: 'commented', person: colleaguePerson.person, at });
    await makeContribution(ds, { idea: second, kind: 'team_member', person: hiddenPerson.person, at, anonymous: true });
  });

  afterAll(() => ctx?.close());

  const problem = (
    res: { status: number; headers: Record<string, string>; body: unknown },
    status: number,
    code: string,
  ) => {
    expect({
      status: res.status,
      type: res.headers['content-type'],
      code: (res.body as { code?: string }).code,
    }).toEqual({
      status,
      type: expect.stringContaining('application/problem+json'),
      code,
    });
  };
  const creditOf = async (ideaId: string) =>
    (await colleague.get(`/api/ideas/${ideaId}/credit-shares`).expect(200)).body as {
      people: { person: { id: string } | null; anonymousAuthor: boolean }[];
    };
  const unclaimed = async (ideaId: string): Promise<number> =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM contribution WHERE idea_id = $1 AND person_id = $2 AND claimed_at IS NULL AND anonymous`,
        [ideaId, hiddenPerson.person.id],
      )
    )[0].n;

  it('a claim asked, seen by the guardian without the person, granted: the entries are named', async () => {
    // Before: the colleague sees an anonymous author in the credit shares.
    expect((await creditOf(secret.id)).people.some((p) => p.anonymousAuthor)).toBe(true);

    const asked = await hidden.send('post', '/api/me/contribution-claims', { ideaId: secret.id }).expect(201);
    expect(asked.body).toMatchObject({ ideaId: secret.id, ideaTitle: 'Idée secrète', status: 'pending', reason: null });
    problem(await hidden.send('post', '/api/me/contribution-claims', { ideaId: secret.id }), 409, 'claim_pending');
    // The colleague has no anonymous entry there: nothing to claim (and nothing learnt about others).
    problem(
      await colleague.send('post', '/api/me/contribution-claims', { ideaId: secret.id }),
      409,
      'nothing_to_claim',
    );

    // The request's audit entry is under the claimant's pseudonym: the idea is anonymous.
    const [audit] = await ds.query(
      `SELECT actor_id AS "actorId", actor_pseudonym AS "pseudonym" FROM audit_event WHERE action = 'contribution.claim_requested'`,
    );
    expect(audit).toEqual({ actorId: null, pseudonym: expect.any(String) });

    // The guardian's list names the idea and the kinds, never the person.
    problem(await hr.get('/api/contribution-claims'), 403, 'role_required');
    const list = await guardian.get('/api/contribution-claims').expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: asked.body.id,
        ideaId: secret.id,
        ideaAnonymous: true,
        entries: 2,
        kinds: expect.arrayContaining(['team_member', 'milestone_done']),
      }),
    ]);
    const shown = JSON.stringify(list.body);
    for (const secretBit of [hiddenPerson.person.id, 'Zoë', 'Ørsted', hiddenPerson.email])
      expect(shown).not.toContain(secretBit);

    problem(await hidden.send('post', `/api/contribution-claims/${asked.body.id}/grant`), 403, 'role_required');
    const granted = await guardian.send('post', `/api/contribution-claims/${asked.body.id}/grant`).expect(200);
    expect(granted.body).toMatchObject({ id: asked.body.id, status: 'granted', named: 2 });
    problem(await guardian.send('post', `/api/contribution-claims/${asked.body.id}/grant`), 409, 'claim_decided');
    expect(await unclaimed(secret.id)).toBe(0);
    // The other idea's anonymous entry is untouched: a claim covers one idea.
    expect(await unclaimed(second.id)).toBe(1);

    // After: the colleague sees the person named in the credit shares; the claim shows as granted.
    const after = await creditOf(secret.id);
    expect(after.people.some((p) => p.anonymousAuthor)).toBe(false);
    expect(after.people.map((p) => p.person?.id)).toContain(hiddenPerson.person.id);
    const mine = await hidden.get('/api/me/contribution-claims').expect(200);
    expect(mine.body[0]).toMatchObject({ id: asked.body.id, status: 'granted' });
    const [grantAudit] = await ds.query(
      `SELECT actor_id AS "actorId", data FROM audit_event WHERE action = 'contribution.claim_granted'`,
    );
    expect(grantAudit).toMatchObject({ actorId: guardian.personId, data: { claimId: asked.body.id, named: 2 } });
    // Nothing left to claim there.
    problem(await hidden.send('post', '/api/me/contribution-claims', { ideaId: secret.id }), 409, 'nothing_to_claim');
  });

  it('a refused claim says why to the person and names nothing; bad input is a 4xx naming the field', async () => {
    const asked = await hidden.send('post', '/api/me/contribution-claims', { ideaId: second.id }).expect(201);
    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      const res = await guardian.send('post', `/api/contribution-claims/${asked.body.id}/refuse`, { reason });
      problem(res, 400, 'validation_failed');
      expect(JSON.stringify(res.body)).toContain('"reason"');
    }
    const refused = await guardian
      .send('post', `/api/contribution-claims/${asked.body.id}/refuse`, {
        reason: 'Cela désignerait votre co-autrice.',
      })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', named: 0 });
    expect(await unclaimed(second.id)).toBe(1);
    const mine = await hidden.get('/api/me/contribution-claims').expect(200);
    expect(mine.body.find((c: { id: string }) => c.id === asked.body.id)).toMatchObject({
      status: 'refused',
      reason: 'Cela désignerait votre co-autrice.',
    });
    // Asking again after a refusal is allowed (a new claim); twice at once, one waits and one is refused.
    const twice = await Promise.all([
      hidden.send('post', '/api/me/contribution-claims', { ideaId: second.id }),
      hidden.send('post', '/api/me/contribution-claims', { ideaId: second.id }),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    problem(
      twice.find((r) => r.status === 409)!,
      409,
      'claim_pending',
    );

    const bad = await hidden.send('post', '/api/me/contribution-claims', { ideaId: 'not-a-uuid' });
    problem(bad, 400, 'validation_failed');
    expect(JSON.stringify(bad.body)).toContain('"ideaId"');
    problem(
      await guardian.send('post', '/api/contribution-claims/00000000-0000-4000-8000-000000000000/grant'),
      404,
      'contribution_claim_not_found',
    );
    await ctx.http().get('/api/me/contribution-claims').expect(401);
  });
});
