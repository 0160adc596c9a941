import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { IdeaTeamInvitation } from '@eclore/server-realisation';
import { makeIdea, makePerson, makeTeamMember, makeUnit } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

/**
 * Inviting to an idea team over HTTP never singles out an anonymous author (docs/realisation.md §1):
 * the lead inviting a stranger, an anonymous author already in the team and an anonymous author
 * still holding their own "join as an author" invitation gets the same answer, status and shape,
 * and the same refusal when inviting them again. Only the anonymous member learns they are in
 * already, from their own answer.
 */
describe('idea team invitations and anonymity (HTTP)', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let lead: Member;
  let anon: Member;
  let waiting: Member;
  let stranger: Member;
  let ideaId: string;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'team_anonymity' });
    ({ ds } = ctx);
    const unit = await makeUnit(ds);
    const member = async () => ctx.signInAs(await makePerson(ds, { unit }));
    [lead, anon, waiting, stranger] = [await member(), await member(), await member(), await member()];
    const idea = await makeIdea(ds, {
      authors: [anon.person, waiting.person],
      unit,
      status: 'prototype',
      anonymous: true,
    });
    ideaId = idea.id;
    // A lead the network brought, the anonymous author who joined, the other one not (yet).
    await makeTeamMember(ds, { idea, person: lead.person, role: 'lead' });
    await makeTeamMember(ds, { idea, person: anon.person, isAuthor: true });
    await ds.manager.insert(IdeaTeamInvitation, {
      ideaId,
      inviteeId: waiting.person.id,
      invitedBy: waiting.person.id,
    });
  });

  afterAll(() => ctx?.close());

  /** An answer with the invitee's identity, the invitation's id and time replaced by placeholders. */
  function normalised(body: unknown, invitee: Member): unknown {
    const text = JSON.stringify(body)
      .replaceAll(invitee.person.id, 'INVITEE')
      .replaceAll(invitee.person.givenName, 'GIVEN')
      .replaceAll(invitee.person.familyName, 'FAMILY');
    const parsed = JSON.parse(text) as { pendingInvitations: Record<string, unknown>[] };
    const mine = parsed.pendingInvitations.find((i) => JSON.stringify(i).includes('INVITEE'));
    return { ...mine, id: 'ID', createdAt: 'T' };
  }

  it('answers the invitation of an anonymous member, of a waiting anonymous author and of a stranger alike', async () => {
    const url = `/api/ideas/${ideaId}/team/invitations`;
    const answers = new Map<Member, { status: number; body: unknown }>();
    for (const invitee of [stranger, anon, waiting]) {
      const res = await lead.send('post', url, { personId: invitee.person.id });
      answers.set(invitee, { status: res.status, body: res.body });
    }
    expect([...answers.values()].map((a) => a.status)).toEqual([201, 201, 201]);
    const shapes = [stranger, anon, waiting].map((m) => normalised(answers.get(m)!.body, m));
    expect(shapes[0]).toMatchObject({ invitee: { kind: 'person' }, asAuthor: false, status: 'pending' });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);

    // Inviting them again: one refusal for all three, word for word.
    const refusals = [];
    for (const invitee of [stranger, anon, waiting]) {
      const res = await lead.send('post', url, { personId: invitee.person.id });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      // The request id is each request's own; the rest must not depend on who was named.
      const { requestId: _id, ...problem } = res.body as Record<string, unknown>;
      refusals.push(JSON.stringify(problem).replaceAll(invitee.person.id, 'INVITEE'));
    }
    expect(JSON.parse(refusals[0]!)).toMatchObject({ code: 'already_invited' });
    expect(new Set(refusals).size).toBe(1);

    // The team as the lead reads it: the named invitations never say "an author".
    const team = (await lead.agent.get(`/api/ideas/${ideaId}/team`).expect(200)).body as {
      pendingInvitations: { invitee: { kind: string; person: { id: string } | null }; asAuthor: boolean }[];
    };
    const named = team.pendingInvitations.filter((i) => i.invitee.kind === 'person');
    expect(named.map((i) => i.invitee.person!.id).sort()).toEqual(
      [stranger, anon, waiting].map((m) => m.person.id).sort(),
    );
    expect(named.every((i) => !i.asAuthor)).toBe(true);
  });

  it('tells only the anonymous member that they are in already; their decline reads like anyone’s', async () => {
    const mine = (await anon.agent.get('/api/team-invitations/mine').expect(200)).body as {
      items: { id: string; ideaId: string }[];
    };
    const invitation = mine.items.find((i) => i.ideaId === ideaId)!;
    const accepted = await anon.send('post', `/api/team-invitations/${invitation.id}/accept`);
    expect(accepted.status).toBe(409);
    expect(accepted.body).toMatchObject({ code: 'already_member' });
    await anon.send('post', `/api/team-invitations/${invitation.id}/decline`).expect(200);
    const strangerInvitation = (await stranger.agent.get('/api/team-invitations/mine').expect(200)).body.items[0];
    await stranger.send('post', `/api/team-invitations/${strangerInvitation.id}/decline`).expect(200);
    const events = await ds.query(
      `SELECT data->>'answer' AS answer FROM idea_event WHERE idea_id = $1 AND type = 'team_invitation_answered' ORDER BY occurred_at`,
      [ideaId],
    );
    expect(events.map((e: { answer: string }) => e.answer)).toEqual(['declined', 'declined']);
  });
});
