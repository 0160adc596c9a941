/**
 * The idea team (équipe): formed on a prototype or implement decision. The authors come first
 * (an anonymous author joins only by choice and is shown to the others as "an author"), then
 * invited people. Roles: one lead, members.
 */
export const TEAM_ROLES = ['lead', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface TeamMember {
  personId: string;
  role: TeamRole;
  isAuthor: boolean;
  /** An author of an anonymous idea: never named to anyone but themself. */
  anonymous: boolean;
}

/** How a member appears to a viewer: themself, or a person, or just "an author". */
export type MemberShown = { kind: 'person'; personId: string } | { kind: 'anonymous_author' };

export function showMember(member: TeamMember, viewerId: string): MemberShown {
  if (member.anonymous && member.personId !== viewerId) return { kind: 'anonymous_author' };
  return { kind: 'person', personId: member.personId };
}

/**
 * Invitations go out from the team lead or the network; never to someone already in the team, except
 * an anonymous member: refusing them would tell the inviter who "an author" is, so they get an
 * invitation like anyone else (they decline it; see TeamCommands.answer).
 */
export type InviteCheck = { ok: true } | { ok: false; reason: 'not_team_lead' | 'already_member' | 'already_invited' };

export function canInvite(
  inviter: { personId: string; isNetworkInScope: boolean },
  team: readonly TeamMember[],
  pendingInviteeIds: readonly string[],
  inviteeId: string,
): InviteCheck {
  const isLead = team.some((m) => m.personId === inviter.personId && m.role === 'lead');
  if (!isLead && !inviter.isNetworkInScope) return { ok: false, reason: 'not_team_lead' };
  if (team.some((m) => m.personId === inviteeId && !m.anonymous)) return { ok: false, reason: 'already_member' };
  if (pendingInviteeIds.includes(inviteeId)) return { ok: false, reason: 'already_invited' };
  return { ok: true };
}

/** Only the invitee answers, and only a pending invitation. */
export function canAnswerInvitation(
  invitation: { inviteeId: string; status: InvitationStatus },
  personId: string,
): boolean {
  return invitation.status === 'pending' && invitation.inviteeId === personId;
}

/** The network changes the lead: the new lead must already be a member; the old lead stays a member. */
export function changeLead(team: readonly TeamMember[], newLeadId: string): TeamMember[] | null {
  if (!team.some((m) => m.personId === newLeadId)) return null;
  return team.map((m) => ({ ...m, role: m.personId === newLeadId ? 'lead' : 'member' }));
}

/**
 * The initial team: the authors who join (an anonymous author only if they chose to), the first of
 * them as lead unless the network names another lead (then the authors are members).
 */
export function initialTeam(
  authors: readonly { personId: string; joins: boolean }[],
  anonymousIdea: boolean,
  leadId: string | null,
): TeamMember[] {
  const joining = authors.filter((a) => a.joins);
  const members: TeamMember[] = joining.map((a, i) => ({
    personId: a.personId,
    role: leadId === null && i === 0 ? 'lead' : 'member',
    isAuthor: true,
    anonymous: anonymousIdea,
  }));
  if (leadId !== null && !members.some((m) => m.personId === leadId)) {
    members.push({ personId: leadId, role: 'lead', isAuthor: false, anonymous: false });
  } else if (leadId !== null) {
    return members.map((m) => ({ ...m, role: m.personId === leadId ? 'lead' : 'member' }));
  }
  return members;
}
