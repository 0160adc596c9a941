import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decide, type Actor } from '@eclore/domain';
import { AccessService, peopleMap } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { IdeaTeamInvitation } from '../entities';
import {
  asCreditedAuthor,
  isAuthorsOwnInvitation,
  isHiddenAuthor,
  loadTeamContext,
  namedPerson,
  showPerson,
} from './team-context';
import type { TeamDto, TeamInvitationDto, TeamInvitationListDto } from './team.dto';
import { TeamRepository } from './team.repository';

/** Reads of the idea team: the team as the viewer sees it, and the person's own invitations. */
@Injectable()
export class TeamQueries {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly repo: TeamRepository,
  ) {}

  async get(actor: Actor, ideaId: string, manager: EntityManager = this.ds.manager): Promise<TeamDto> {
    const ctx = await loadTeamContext(this.ideas, this.repo, manager, actor, ideaId);
    this.access.assert(actor, 'realisation.read', ctx.facts);
    const canInvite = decide(actor, 'team.invite', ctx.facts).allowed;
    const pending = await this.repo.pendingInvitations(ideaId, manager);
    const people = await peopleMap(manager, [
      ...ctx.rows.map((r) => r.personId),
      ...pending.flatMap((i) => [i.inviteeId, i.invitedBy]),
    ]);
    const present = (i: IdeaTeamInvitation) => presentInvitation(ctx.loaded, i, actor.personId, people);
    const mine = pending.find((i) => i.inviteeId === actor.personId);
    return {
      ideaId,
      members: ctx.rows.map((r) => ({
        who: showPerson(ctx.loaded, r.personId, actor.personId, people),
        role: r.role,
        isAuthor: r.isAuthor,
        joinedAt: r.joinedAt.toISOString(),
      })),
      // Who else is asked to join is the team's business (and the network's), not every reader's.
      pendingInvitations: ctx.facts.isTeamMember || canInvite ? pending.map(present) : [],
      viewer: {
        isMember: ctx.facts.isTeamMember,
        isLead: ctx.facts.isTeamLead,
        canInvite,
        canChangeLead: decide(actor, 'team.change_lead', ctx.facts).allowed,
        isAnonymousAuthor: isHiddenAuthor(ctx.loaded, actor.personId),
        // An author outside the team, with no "join as an author" invitation waiting, may take their
        // place back (an invitation by name does not count: accepting it is refused with join_as_author).
        canJoinAsAuthor:
          !ctx.facts.isTeamMember &&
          !pending.some((i) => i.inviteeId === actor.personId && isAuthorsOwnInvitation(i)) &&
          decide(actor, 'team.join_as_author', asCreditedAuthor(ctx)).allowed &&
          (await this.repo.hasTeam(ideaId, manager)),
        myInvitation: mine ? present(mine) : null,
      },
    };
  }

  /** The actor's pending team invitations (their "to do"), on ideas they may read. */
  async myInvitations(actor: Actor): Promise<TeamInvitationListDto> {
    const manager = this.ds.manager;
    const rows = await this.repo.invitationsOf(actor.personId, manager);
    const people = await peopleMap(
      manager,
      rows.map((r) => r.invitedBy),
    );
    const items: TeamInvitationDto[] = [];
    for (const row of rows) {
      const loaded = await this.ideas.find(manager, row.ideaId, actor);
      if (loaded) items.push(presentInvitation(loaded, row, actor.personId, people));
    }
    return { items };
  }
}

export function presentInvitation(
  loaded: LoadedIdea,
  row: IdeaTeamInvitation,
  viewerId: string,
  people: Parameters<typeof showPerson>[3],
): TeamInvitationDto {
  // Only an author's own invitation says "an author". A person invited by name is shown by that name
  // to everyone, whoever they are: showing "an author" (or asAuthor) there would tell the inviter
  // that the person they named is the idea's anonymous author.
  const own = isAuthorsOwnInvitation(row);
  const hidden = !own && isHiddenAuthor(loaded, row.inviteeId) && row.inviteeId !== viewerId;
  return {
    id: row.id,
    ideaId: row.ideaId,
    ideaTitle: loaded.idea.title,
    invitee: own ? showPerson(loaded, row.inviteeId, viewerId, people) : namedPerson(row.inviteeId, viewerId, people),
    invitedBy: showPerson(loaded, row.invitedBy, viewerId, people),
    asAuthor: loaded.authorIds.includes(row.inviteeId) && !hidden,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}
