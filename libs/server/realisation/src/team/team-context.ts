import type { EntityManager } from 'typeorm';
import { showMember, type Actor, type PolicyContext, type TeamMember } from '@eclore/domain';
import type { Person } from '@eclore/server-identity';
import type { IdeaAccess, LoadedIdea } from '@eclore/server-ideas';
import type { TeamPersonDto } from './team.dto';
import type { TeamMemberRow, TeamRepository } from './team.repository';

/** An idea as the team's and the experiment's handlers need it: readable, with its team. */
export interface TeamContext {
  loaded: LoadedIdea;
  rows: TeamMemberRow[];
  members: TeamMember[];
  /** The policy's facts about the actor on this idea. */
  facts: PolicyContext & { isTeamMember: boolean; isTeamLead: boolean };
}

/** Loads the idea the actor may read (404 otherwise) and its team. */
export async function loadTeamContext(
  ideas: IdeaAccess,
  repo: TeamRepository,
  manager: EntityManager,
  actor: Actor,
  ideaId: string,
  options: { lock?: boolean } = {},
): Promise<TeamContext> {
  const loaded = await ideas.loadReadable(manager, ideaId, actor, options);
  if (options.lock) await repo.lockTeam(ideaId, manager);
  const rows = await repo.members(ideaId, manager);
  const members = rows.map((r) => toMember(loaded, r));
  const mine = rows.find((r) => r.personId === actor.personId);
  return {
    loaded,
    rows,
    members,
    facts: {
      target: loaded.viewer.target,
      isAuthor: loaded.viewer.isAuthor,
      isTeamMember: mine !== undefined,
      isTeamLead: mine?.role === 'lead',
    },
  };
}

/** The domain's member: anonymous when the person's credit on the idea is hidden. */
export function toMember(loaded: LoadedIdea, row: TeamMemberRow): TeamMember {
  return {
    personId: row.personId,
    role: row.role,
    isAuthor: row.isAuthor,
    anonymous: isHiddenAuthor(loaded, row.personId),
  };
}

/**
 * The policy's facts where "author" means credited on the idea (the team is formed from those): the
 * network member who captured an idea for someone reads as its author elsewhere, not here.
 */
export function asCreditedAuthor(ctx: TeamContext): TeamContext['facts'] {
  return { ...ctx.facts, isAuthor: ctx.loaded.credited.isAuthor === true };
}

export function isHiddenAuthor(loaded: LoadedIdea, personId: string): boolean {
  return loaded.hiddenAuthorIds.has(personId);
}

/** An anonymous author's "join as an author" invitation (TeamFormation): sent by themself. */
export function isAuthorsOwnInvitation(invitation: { inviteeId: string; invitedBy: string }): boolean {
  return invitation.inviteeId === invitation.invitedBy;
}

/** A person as this viewer may see them on the idea (domain showMember): a name, or "an author". */
export function showPerson(
  loaded: LoadedIdea,
  personId: string,
  viewerId: string,
  people: ReadonlyMap<string, Person>,
): TeamPersonDto {
  const shown = showMember(
    { personId, role: 'member', isAuthor: false, anonymous: isHiddenAuthor(loaded, personId) },
    viewerId,
  );
  if (shown.kind === 'anonymous_author') return { kind: 'anonymous_author', person: null, isMe: false };
  return namedPerson(personId, viewerId, people);
}

/** A person by name, whatever their credit on the idea (someone the viewer or the inviter named). */
export function namedPerson(personId: string, viewerId: string, people: ReadonlyMap<string, Person>): TeamPersonDto {
  const p = people.get(personId);
  return {
    kind: 'person',
    person: { id: personId, givenName: p?.givenName ?? '', familyName: p?.familyName ?? '' },
    isMe: personId === viewerId,
  };
}
