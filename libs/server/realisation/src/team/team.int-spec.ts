import 'reflect-metadata';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { IdeaAccess } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../../test/harness';
import { TeamCommands } from './team-commands.service';
import { TeamQueries } from './team-queries.service';
import { TeamModule } from './team.module';

/**
 * The idea team against real PostgreSQL: formed in the committee decision's transaction, an
 * anonymous author only invited (and shown as "an author" once they join), invitations, the lead.
 */
describe('idea team (service, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let queries: TeamQueries;
  let commands: TeamCommands;
  let ideas: IdeaAccess;
  let unit: OrgUnit;
  let committee: TestPerson;
  let network: TestPerson;
  let outsiderNetwork: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'realisation_team_r1', imports: [TeamModule] });
    queries = ctx.get(TeamQueries);
    commands = ctx.get(TeamCommands);
    ideas = ctx.get(IdeaAccess);
    unit = await makeUnit(ctx.ds);
    committee = await makePerson(ctx.ds, { roles: ['committee_member'], password: null });
    network = await makePerson(ctx.ds, { roles: ['network_member'], password: null });
    outsiderNetwork = await makePerson(ctx.ds, {
      roles: [{ role: 'network_member', unit: await makeUnit(ctx.ds) }],
      password: null,
    });
  });

  afterAll(() => ctx?.close());

  const person = () => makePerson(ctx.ds, { unit, password: null });
  const decide = (ideaId: string, type: 'decide_prototype' | 'decide_implement') =>
    ideas.runCommand(committee.actor, ideaId, { type, rationale: 'Worth trying.' });

  it('forms the team at decide_prototype (first author leads) and keeps it at decide_implement', async () => {
    const [a, b] = [await person(), await person()];
    const idea = await makeIdea(ctx.ds, { authors: [a.person, b.person], unit, status: 'decide' });

    await decide(idea.id, 'decide_prototype');
    const team = await queries.get(a.actor, idea.id);
    expect(team.members.map((m) => [m.who.person?.id, m.role, m.isAuthor])).toEqual([
      [a.person.id, 'lead', true],
      [b.person.id, 'member', true],
    ]);
    expect(team.viewer).toMatchObject({ isMember: true, isLead: true, canInvite: true, canChangeLead: false });

    await commands.changeLead(network.actor, idea.id, b.person.id);
    await decide(idea.id, 'decide_implement');
    const kept = await queries.get(a.actor, idea.id);
    expect(kept.members.map((m) => [m.who.person?.id, m.role])).toEqual([
      [b.person.id, 'lead'],
      [a.person.id, 'member'],
    ]);
  });

  it('invites an anonymous author instead of adding them, and never names them to the others', async () => {
    const [anon, coAnon, colleague] = [await person(), await person(), await person()];
    const idea = await makeIdea(ctx.ds, {
      authors: [anon.person, coAnon.person],
      unit,
      status: 'decide',
      anonymous: true,
    });
    await decide(idea.id, 'decide_prototype');

    expect((await queries.get(network.actor, idea.id)).members).toEqual([]);
    const mine = await queries.myInvitations(anon.actor);
    expect(mine.items).toEqual([expect.objectContaining({ ideaId: idea.id, asAuthor: true, status: 'pending' })]);

    // The network brings a colleague, who leads the team they are first to join.
    await commands.invite(network.actor, idea.id, colleague.person.id);
    const [invitation] = (await queries.myInvitations(colleague.actor)).items;
    await commands.answer(colleague.actor, invitation!.id, true);
    await commands.answer(anon.actor, mine.items[0]!.id, true);

    const seenByColleague = await queries.get(colleague.actor, idea.id);
    expect(seenByColleague.members.map((m) => [m.who.kind, m.role])).toEqual([
      ['person', 'lead'],
      ['anonymous_author', 'member'],
    ]);
    expect(seenByColleague.pendingInvitations.map((i) => i.invitee.kind)).toEqual(['anonymous_author']);
    for (const view of [seenByColleague, await queries.get(network.actor, idea.id)]) {
      const text = JSON.stringify(view);
      for (const hidden of [anon.person, coAnon.person]) {
        expect(text).not.toContain(hidden.id);
        expect(text).not.toContain(hidden.familyName);
      }
    }
    const seenByAuthor = await queries.get(anon.actor, idea.id);
    expect(seenByAuthor.members.find((m) => m.who.isMe)?.who.person?.id).toBe(anon.person.id);

    const audit = await ctx.ds.query(`SELECT actor_id, data FROM audit_event WHERE subject_id = $1`, [idea.id]);
    expect(JSON.stringify(audit)).not.toContain(anon.person.id);
  });

  it('lets an author take their place back after declining it or leaving, anonymous to the others', async () => {
    const [anon, named, colleague] = [await person(), await person(), await person()];
    const idea = await makeIdea(ctx.ds, { authors: [anon.person], unit, status: 'decide', anonymous: true });
    // Not before the idea has a team.
    await expect(commands.joinAsAuthor(anon.actor, idea.id)).rejects.toMatchObject({ code: 'no_idea_team' });
    await decide(idea.id, 'decide_prototype');

    // While their own invitation waits, the invitation is the way in.
    const [own] = (await queries.myInvitations(anon.actor)).items;
    expect((await queries.get(anon.actor, idea.id)).viewer).toMatchObject({
      canJoinAsAuthor: false,
      isAnonymousAuthor: true,
    });
    await commands.answer(anon.actor, own!.id, false);
    expect((await queries.get(anon.actor, idea.id)).viewer.canJoinAsAuthor).toBe(true);
    // An invitation by name, which they may not accept (join_as_author), leaves the way back open.
    const byName = await commands.invite(network.actor, idea.id, anon.person.id);
    expect((await queries.get(anon.actor, idea.id)).viewer.canJoinAsAuthor).toBe(true);
    // Withdrawn again: the name the network typed is shown as typed, which the checks below would see.
    await commands.withdraw(network.actor, idea.id, byName.pendingInvitations[0]!.id);
    // Nobody but an author joins without an invitation.
    await expect(commands.joinAsAuthor(colleague.actor, idea.id)).rejects.toMatchObject({ code: 'not_author' });
    expect((await queries.get(network.actor, idea.id)).viewer.canJoinAsAuthor).toBe(false);

    const joined = await commands.joinAsAuthor(anon.actor, idea.id);
    expect(joined.viewer).toMatchObject({ isMember: true, isLead: true, canJoinAsAuthor: false });
    await expect(commands.joinAsAuthor(anon.actor, idea.id)).rejects.toMatchObject({ code: 'already_member' });
    const seen = await queries.get(network.actor, idea.id);
    expect(seen.members.map((m) => [m.who.kind, m.role])).toEqual([['anonymous_author', 'lead']]);
    const trail = JSON.stringify([
      seen,
      await ctx.ds.query(`SELECT actor_id, data FROM audit_event WHERE subject_id = $1`, [idea.id]),
    ]);
    expect(trail).not.toContain(anon.person.id);
    expect(trail).not.toContain(anon.person.familyName);

    // A named author who left comes back as a member under the lead there is now.
    const open = await makeIdea(ctx.ds, { authors: [named.person, colleague.person], unit, status: 'decide' });
    await decide(open.id, 'decide_prototype');
    await commands.leave(colleague.actor, open.id);
    expect((await queries.get(colleague.actor, open.id)).viewer).toMatchObject({
      canJoinAsAuthor: true,
      isAnonymousAuthor: false,
    });
    const back = await commands.joinAsAuthor(colleague.actor, open.id);
    expect(back.members.map((m) => [m.who.person?.id, m.role])).toEqual([
      [named.person.id, 'lead'],
      [colleague.person.id, 'member'],
    ]);
    const events = await ctx.ds.query(`SELECT type FROM idea_event WHERE idea_id = $1 ORDER BY occurred_at, id`, [
      open.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toContain('team_member_joined');
  });

  it('answers the invitation of an anonymous author exactly as that of anyone else (never singles them out)', async () => {
    const [anon, waiting, lead, stranger] = [await person(), await person(), await person(), await person()];
    const idea = await makeIdea(ctx.ds, {
      authors: [anon.person, waiting.person],
      unit,
      status: 'decide',
      anonymous: true,
    });
    await decide(idea.id, 'decide_prototype');
    // The network brings a lead; one anonymous author joins, the other leaves their invitation pending.
    await commands.invite(network.actor, idea.id, lead.person.id);
    await commands.answer(lead.actor, (await queries.myInvitations(lead.actor)).items[0]!.id, true);
    await commands.answer(anon.actor, (await queries.myInvitations(anon.actor)).items[0]!.id, true);

    // Inviting the anonymous member, the pending author or a stranger: the same answer, shape for shape.
    const shape = (team: Awaited<ReturnType<TeamQueries['get']>>, invitee: TestPerson) =>
      JSON.parse(
        JSON.stringify(team.pendingInvitations.find((i) => i.invitee.person?.id === invitee.person.id) ?? null)
          .replaceAll(invitee.person.id, 'INVITEE')
          .replaceAll(invitee.person.givenName, 'GIVEN')
          .replaceAll(invitee.person.familyName, 'FAMILY')
          .replace(/"id":"[0-9a-f-]{36}"/, '"id":"ID"')
          .replace(/"createdAt":"[^"]+"/, '"createdAt":"T"'),
      );
    const toStranger = await commands.invite(lead.actor, idea.id, stranger.person.id);
    const toMember = await commands.invite(lead.actor, idea.id, anon.person.id);
    const toWaiting = await commands.invite(network.actor, idea.id, waiting.person.id);
    expect(shape(toStranger, stranger)).toMatchObject({ invitee: { kind: 'person' }, asAuthor: false });
    expect(shape(toMember, anon)).toEqual(shape(toStranger, stranger));
    expect(shape(toWaiting, waiting)).toEqual({ ...shape(toStranger, stranger), invitedBy: expect.anything() });
    expect(toMember.members).toHaveLength(toStranger.members.length);
    // Inviting them twice is refused for all three alike.
    for (const p of [stranger, anon, waiting])
      await expect(commands.invite(network.actor, idea.id, p.person.id)).rejects.toMatchObject({
        code: 'already_invited',
      });

    // The lead's view ties no hidden author to the name they typed.
    const seen = await queries.get(lead.actor, idea.id);
    for (const hidden of [anon, waiting]) {
      const named = seen.pendingInvitations.filter((i) => i.invitee.person?.id === hidden.person.id);
      expect(named).toEqual([
        expect.objectContaining({ asAuthor: false, invitee: expect.objectContaining({ kind: 'person' }) }),
      ]);
    }
    expect(seen.members.map((m) => m.who.kind)).toEqual(['person', 'anonymous_author']);

    // Only the anonymous member learns they are in already; their refusal reads like anyone's.
    const named = (await queries.myInvitations(anon.actor)).items.find(
      (i) => i.invitedBy.person?.id === lead.person.id,
    )!;
    expect(named.asAuthor).toBe(true);
    await expect(commands.answer(anon.actor, named.id, true)).rejects.toMatchObject({ code: 'already_member' });
    const declined = await commands.answer(anon.actor, named.id, false);
    expect(declined.members).toHaveLength(2);
    const answered = await ctx.ds.query(
      `SELECT data FROM idea_event WHERE type = 'team_invitation_answered' AND data->>'invitationId' = $1`,
      [named.id],
    );
    expect(answered.map((e: { data: { answer: string } }) => e.data.answer)).toEqual(['declined']);

    // The author still holding their own invitation cannot join through the one by name: the team would
    // show "an author" arriving for the name the network typed. Told to them alone; their own one works.
    const mine = (await queries.myInvitations(waiting.actor)).items;
    const byName = mine.find((i) => i.invitedBy.person?.id === network.person.id)!;
    const own = mine.find((i) => i.id !== byName.id)!;
    await expect(commands.answer(waiting.actor, byName.id, true)).rejects.toMatchObject({ code: 'join_as_author' });
    await commands.answer(waiting.actor, byName.id, false);
    expect((await commands.answer(waiting.actor, own.id, true)).members).toHaveLength(3);
    const leadSees = (await queries.get(lead.actor, idea.id)).members;
    expect(leadSees.map((m) => m.who.kind)).toEqual(['person', 'anonymous_author', 'anonymous_author']);
    expect(leadSees.map((m) => m.who.person?.id ?? null)).not.toContain(waiting.person.id);
  });

  it('lets only the lead or the network in scope invite, refuses a member twice, and answers invitations once', async () => {
    const [lead, member, invitee] = [await person(), await person(), await person()];
    const idea = await makeIdea(ctx.ds, { authors: [lead.person, member.person], unit, status: 'decide' });
    await decide(idea.id, 'decide_prototype');

    await expect(commands.invite(member.actor, idea.id, invitee.person.id)).rejects.toThrow(Forbidden);
    await expect(commands.invite(outsiderNetwork.actor, idea.id, invitee.person.id)).rejects.toThrow(Forbidden);
    await expect(commands.invite(lead.actor, idea.id, member.person.id)).rejects.toMatchObject({
      code: 'already_member',
    });
    const team = await commands.invite(lead.actor, idea.id, invitee.person.id);
    expect(team.pendingInvitations.map((i) => i.invitee.person?.id)).toEqual([invitee.person.id]);
    await expect(commands.invite(lead.actor, idea.id, invitee.person.id)).rejects.toMatchObject({
      code: 'already_invited',
    });
    const invitationId = team.pendingInvitations[0]!.id;
    // Someone else's invitation is absent to them.
    await expect(commands.answer(member.actor, invitationId, true)).rejects.toThrow(NotFound);

    const declined = await commands.answer(invitee.actor, invitationId, false);
    expect(declined.members).toHaveLength(2);
    await expect(commands.answer(invitee.actor, invitationId, true)).rejects.toThrow(Conflict);

    const again = await commands.invite(network.actor, idea.id, invitee.person.id);
    const withdrawn = await commands.withdraw(lead.actor, idea.id, again.pendingInvitations[0]!.id);
    expect(withdrawn.pendingInvitations).toEqual([]);
    expect((await queries.myInvitations(invitee.actor)).items).toEqual([]);

    const events = await ctx.ds.query(`SELECT type, data FROM idea_event WHERE idea_id = $1 ORDER BY occurred_at, id`, [
      idea.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['team_invited', 'team_invitation_answered']),
    );
  });

  it('changes the lead through the network only, to a member only; a lead hands over before leaving', async () => {
    const [lead, member] = [await person(), await person()];
    const idea = await makeIdea(ctx.ds, { authors: [lead.person, member.person], unit, status: 'decide' });
    await decide(idea.id, 'decide_prototype');

    await expect(commands.changeLead(lead.actor, idea.id, member.person.id)).rejects.toThrow(Forbidden);
    await expect(commands.changeLead(network.actor, idea.id, network.person.id)).rejects.toThrow(ValidationFailed);
    await expect(commands.leave(lead.actor, idea.id)).rejects.toMatchObject({ code: 'team_lead_cannot_leave' });
    await expect(commands.leave(network.actor, idea.id)).rejects.toMatchObject({ code: 'not_team_member' });

    await commands.changeLead(network.actor, idea.id, member.person.id);
    const after = await commands.leave(lead.actor, idea.id);
    expect(after.members.map((m) => [m.who.person?.id, m.role])).toEqual([[member.person.id, 'lead']]);
  });
});
