import { canAnswerInvitation, canInvite, changeLead, initialTeam, showMember, type TeamMember } from './team';

const lead: TeamMember = { personId: 'lead', role: 'lead', isAuthor: true, anonymous: false };
const anon: TeamMember = { personId: 'anon', role: 'member', isAuthor: true, anonymous: true };

describe('idea team', () => {
  it('shows an anonymous author as "an author" to everyone but themself', () => {
    expect(showMember(anon, 'lead')).toEqual({ kind: 'anonymous_author' });
    expect(showMember(anon, 'anon')).toEqual({ kind: 'person', personId: 'anon' });
    expect(showMember(lead, 'x')).toEqual({ kind: 'person', personId: 'lead' });
  });

  it('lets the lead or the network invite someone new, once', () => {
    expect(canInvite({ personId: 'lead', isNetworkInScope: false }, [lead], [], 'p')).toEqual({ ok: true });
    expect(canInvite({ personId: 'net', isNetworkInScope: true }, [lead], [], 'p')).toEqual({ ok: true });
    expect(canInvite({ personId: 'anon', isNetworkInScope: false }, [lead, anon], [], 'p')).toEqual({
      ok: false,
      reason: 'not_team_lead',
    });
    expect(canInvite({ personId: 'net', isNetworkInScope: true }, [lead, anon], [], 'lead')).toEqual({
      ok: false,
      reason: 'already_member',
    });
    // An anonymous member is invited like anyone: a refusal would single them out.
    expect(canInvite({ personId: 'lead', isNetworkInScope: false }, [lead, anon], [], 'anon')).toEqual({ ok: true });
    expect(canInvite({ personId: 'lead', isNetworkInScope: false }, [lead], ['p'], 'p')).toEqual({
      ok: false,
      reason: 'already_invited',
    });
  });

  it('lets only the invitee answer a pending invitation', () => {
    expect(canAnswerInvitation({ inviteeId: 'p', status: 'pending' }, 'p')).toBe(true);
    expect(canAnswerInvitation({ inviteeId: 'p', status: 'pending' }, 'q')).toBe(false);
    expect(canAnswerInvitation({ inviteeId: 'p', status: 'declined' }, 'p')).toBe(false);
  });

  it('changes the lead to an existing member, keeping exactly one lead', () => {
    expect(changeLead([lead, anon], 'anon')?.map((m) => m.role)).toEqual(['member', 'lead']);
    expect(changeLead([lead], 'stranger')).toBeNull();
  });

  it('starts with the joining authors, the first as lead unless the network names one', () => {
    const authors = [
      { personId: 'a1', joins: true },
      { personId: 'a2', joins: false },
      { personId: 'a3', joins: true },
    ];
    expect(initialTeam(authors, true, null)).toEqual([
      { personId: 'a1', role: 'lead', isAuthor: true, anonymous: true },
      { personId: 'a3', role: 'member', isAuthor: true, anonymous: true },
    ]);
    expect(initialTeam(authors, false, 'n').map((m) => [m.personId, m.role])).toEqual([
      ['a1', 'member'],
      ['a3', 'member'],
      ['n', 'lead'],
    ]);
    expect(initialTeam(authors, false, 'a3').map((m) => [m.personId, m.role])).toEqual([
      ['a1', 'member'],
      ['a3', 'lead'],
    ]);
  });
});
