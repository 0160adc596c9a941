import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canAnswerInvitation,
  canInvite,
  changeLead,
  Conflict,
  Forbidden,
  NotFound,
  ValidationFailed,
  type Actor,
} from '@eclore/domain';
import { AccessService, AuditService, peopleByIds } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess } from '@eclore/server-ideas';
import {
  asCreditedAuthor,
  isAuthorsOwnInvitation,
  isHiddenAuthor,
  loadTeamContext,
  type TeamContext,
} from './team-context';
import type { TeamDto } from './team.dto';
import { TeamQueries } from './team-queries.service';
import { TeamRepository } from './team.repository';

/**
 * Changes to an idea's team: invitations (sent by the lead or the network, answered by the invitee),
 * the lead (named by the network), leaving. Each in one transaction with its idea event (which the
 * notifications follow) and an audit entry that never names an anonymous author.
 */
@Injectable()
export class TeamCommands {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repo: TeamRepository,
    private readonly queries: TeamQueries,
  ) {}

  async invite(actor: Actor, ideaId: string, inviteeId: string): Promise<TeamDto> {
    await this.ds.transaction(async (m) => {
      const ctx = await this.locked(m, actor, ideaId);
      this.access.assert(actor, 'team.invite', ctx.facts);
      const [invitee] = await peopleByIds(m, [inviteeId], { activeOnly: true });
      if (!invitee)
        throw new ValidationFailed([
          { field: 'personId', code: 'person_not_found', message: 'No such active person.' },
        ]);
      // An anonymous author's own "join as an author" invitation is not one the inviter can see as
      // theirs: counting it would answer `already_invited` for them alone.
      const pending = (await this.repo.pendingInvitations(ideaId, m))
        .filter((i) => !isAuthorsOwnInvitation(i))
        .map((i) => i.inviteeId);
      // The policy above already let the lead or the network in scope through.
      const check = canInvite({ personId: actor.personId, isNetworkInScope: true }, ctx.members, pending, inviteeId);
      if (!check.ok) {
        if (check.reason === 'not_team_lead') throw new Forbidden('not_idea_team');
        if (check.reason === 'already_member')
          throw new Conflict('already_member', 'This person is already in the team.');
        throw new Conflict('already_invited', 'This person already has a pending invitation.');
      }
      const invitationId = await this.repo.insertInvitation({ ideaId, inviteeId, invitedBy: actor.personId }, m);
      await this.tell(m, ideaId, actor, 'team_invited', { inviteeId, invitationId });
      await this.record(m, actor, 'team.invited', ideaId, { invitationId });
    });
    return this.queries.get(actor, ideaId);
  }

  async withdraw(actor: Actor, ideaId: string, invitationId: string): Promise<TeamDto> {
    await this.ds.transaction(async (m) => {
      const ctx = await this.locked(m, actor, ideaId);
      this.access.assert(actor, 'team.invite', ctx.facts);
      const invitation = await this.repo.invitation(invitationId, m, true);
      if (!invitation || invitation.ideaId !== ideaId) throw new NotFound('invitation', invitationId);
      if (invitation.status !== 'pending')
        throw new Conflict('invitation_not_pending', 'This invitation was already answered or withdrawn.');
      await this.repo.closeInvitation(invitationId, 'withdrawn', m);
      await this.record(m, actor, 'team.invitation_withdrawn', ideaId, { invitationId });
    });
    return this.queries.get(actor, ideaId);
  }

  /** The invitee's answer. Accepting joins the team (as its lead when it has none yet). */
  async answer(actor: Actor, invitationId: string, accept: boolean): Promise<TeamDto> {
    this.access.assert(actor, 'team.answer_invitation');
    const ideaId = await this.ds.transaction(async (m) => {
      const found = await this.repo.invitation(invitationId, m);
      // Someone else's invitation is answered as absent: its existence is not the actor's business.
      if (!found || found.inviteeId !== actor.personId) throw new NotFound('invitation', invitationId);
      const ctx = await this.locked(m, actor, found.ideaId);
      const invitation = (await this.repo.invitation(invitationId, m, true))!;
      if (!canAnswerInvitation(invitation, actor.personId))
        throw new Conflict('invitation_not_pending', 'This invitation was already answered or withdrawn.');
      // An anonymous member invited by name (canInvite lets it through so as not to single them out)
      // is told, and only they are, that they are in already: declining looks like any refusal.
      if (accept && ctx.facts.isTeamMember)
        throw new Conflict('already_member', 'You are already in this team; decline the invitation.');
      // An anonymous author joining through an invitation by name would arrive as "an author" on the
      // team the inviter sees, tying the name they typed to the hidden author: they join through their
      // own invitation (and stay "an author") or decline this one, which reads like anyone's decline.
      if (accept && isHiddenAuthor(ctx.loaded, actor.personId) && !isAuthorsOwnInvitation(invitation))
        throw new Conflict(
          'join_as_author',
          'You are an author of this idea, kept anonymous: join through your own invitation as an author, or decline this one.',
        );
      await this.repo.closeInvitation(invitationId, accept ? 'accepted' : 'declined', m);
      const lead = ctx.rows.find((r) => r.role === 'lead');
      if (accept) {
        await this.repo.insertMembers(
          [
            {
              ideaId: found.ideaId,
              personId: actor.personId,
              role: lead ? 'member' : 'lead',
              isAuthor: ctx.loaded.authorIds.includes(actor.personId),
            },
          ],
          m,
        );
        // The timeline's "joined the team" (the answer event below is for the inviter's notification).
        await this.tell(m, found.ideaId, actor, 'team_member_joined', {});
      }
      const toTell = [...new Set([invitation.invitedBy, ...(lead ? [lead.personId] : [])])];
      await this.tell(m, found.ideaId, actor, 'team_invitation_answered', {
        invitationId,
        answer: accept ? 'accepted' : 'declined',
        recipientIds: toTell,
      });
      await this.record(m, actor, accept ? 'team.invitation_accepted' : 'team.invitation_declined', found.ideaId, {
        invitationId,
      });
      return found.ideaId;
    });
    return this.queries.get(actor, ideaId);
  }

  /**
   * An author who is not in the team (they declined their place, or left) takes it back, as a member
   * (as lead when the team has none). An anonymous author stays "an author" to the others, as when
   * they accept their own invitation, which this closes if it is still pending.
   */
  async joinAsAuthor(actor: Actor, ideaId: string): Promise<TeamDto> {
    await this.ds.transaction(async (m) => {
      const ctx = await this.locked(m, actor, ideaId);
      this.access.assert(actor, 'team.join_as_author', asCreditedAuthor(ctx));
      if (!(await this.repo.hasTeam(ideaId, m)))
        throw new Conflict(
          'no_idea_team',
          'This idea has no team yet: it gets one with a prototype or implement decision.',
        );
      if (ctx.facts.isTeamMember) throw new Conflict('already_member', 'You are already in this team.');
      const own = (await this.repo.pendingInvitations(ideaId, m)).find(
        (i) => i.inviteeId === actor.personId && isAuthorsOwnInvitation(i),
      );
      if (own) await this.repo.closeInvitation(own.id, 'accepted', m);
      const lead = ctx.rows.find((r) => r.role === 'lead');
      await this.repo.insertMembers(
        [{ ideaId, personId: actor.personId, role: lead ? 'member' : 'lead', isAuthor: true }],
        m,
      );
      await this.tell(m, ideaId, actor, 'team_member_joined', {});
      await this.record(m, actor, 'team.joined_as_author', ideaId, {});
    });
    return this.queries.get(actor, ideaId);
  }

  /** The network names another member as lead; the former lead stays a member. */
  async changeLead(actor: Actor, ideaId: string, personId: string): Promise<TeamDto> {
    await this.ds.transaction(async (m) => {
      const ctx = await this.locked(m, actor, ideaId);
      this.access.assert(actor, 'team.change_lead', ctx.facts);
      if (!changeLead(ctx.members, personId))
        throw new ValidationFailed([
          { field: 'personId', code: 'not_team_member', message: 'The new lead must already be in the team.' },
        ]);
      await this.repo.setLead(ideaId, personId, m);
      await this.tell(m, ideaId, actor, 'team_lead_changed', { memberIds: ctx.rows.map((r) => r.personId) });
      // An anonymous author made lead is "an author" in the log too.
      const lead = isHiddenAuthor(ctx.loaded, personId) ? 'an_author' : personId;
      await this.record(m, actor, 'team.lead_changed', ideaId, { lead });
    });
    return this.queries.get(actor, ideaId);
  }

  /** A member leaves; the lead hands over first unless they are the last one. */
  async leave(actor: Actor, ideaId: string): Promise<TeamDto> {
    await this.ds.transaction(async (m) => {
      const ctx = await this.locked(m, actor, ideaId);
      if (!ctx.facts.isTeamMember) throw new Forbidden('not_team_member', 'You are not in this idea’s team.');
      if (ctx.facts.isTeamLead && ctx.rows.length > 1)
        throw new Conflict('team_lead_cannot_leave', 'The lead hands over to another member before leaving.');
      await this.repo.removeMember(ideaId, actor.personId, m);
      await this.record(m, actor, 'team.left', ideaId, {});
    });
    return this.queries.get(actor, ideaId);
  }

  private locked(m: EntityManager, actor: Actor, ideaId: string): Promise<TeamContext> {
    return loadTeamContext(this.ideas, this.repo, m, actor, ideaId, { lock: true });
  }

  private tell(m: EntityManager, ideaId: string, actor: Actor, type: string, data: Record<string, unknown>) {
    return appendIdeaEvents(m, [{ ideaId, type, actorId: actor.personId, public: false, data }]);
  }

  private record(m: EntityManager, actor: Actor, action: string, ideaId: string, data: Record<string, unknown>) {
    // Subject `idea`: the audit writer pseudonymises an anonymous author acting on their idea.
    return this.audit.append(m, { actorId: actor.personId, action, subjectType: 'idea', subjectId: ideaId, data });
  }
}
