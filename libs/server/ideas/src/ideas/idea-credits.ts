import { isSystemActor, type IdeaActorContext } from '@eclore/domain';
import type { Idea } from '../entities';
import type { IdeaAuthorView, IdeaViewer } from './idea-presenter';

/** Who is credited on an idea, and whose identity is hidden from others on it. */
export interface IdeaCredits {
  /** Person ids credited on the idea (author and accepted co-authors). */
  authorIds: string[];
  /**
   * Every author and the capturer when the idea is anonymous (the capturer acts for the author), and
   * any credit kept anonymous by a merge.
   */
  hiddenAuthorIds: Set<string>;
}

export function creditsOf(idea: Idea, authors: readonly IdeaAuthorView[]): IdeaCredits {
  const accepted = authors.filter((a) => a.status === 'accepted');
  const authorIds = [...new Set([idea.authorId, ...accepted.map((a) => a.personId)])];
  const hidden = new Set<string>(accepted.filter((a) => a.anonymous).map((a) => a.personId));
  if (idea.anonymous) {
    for (const id of authorIds) hidden.add(id);
    // The capturer typed the author's words: naming them on the idea's comments would point at the author.
    if (idea.capturedBy) hidden.add(idea.capturedBy);
  }
  return { authorIds, hiddenAuthorIds: hidden };
}

/**
 * The actor's relation for supports, comments, merges and links: only a credited author counts as
 * an author there (the capturer of a named idea may support it; an invitee is not an author yet).
 */
export function creditedContext(viewer: IdeaViewer, credits: IdeaCredits): IdeaActorContext {
  return {
    actor: viewer.actor,
    isAuthor: !isSystemActor(viewer.actor) && credits.authorIds.includes(viewer.actor.personId),
    isIdeaTeamMember: viewer.isIdeaTeamMember,
    isImplementationOwner: viewer.isImplementationOwner,
    target: viewer.target,
  };
}
