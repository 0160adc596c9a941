import { hasRole, type Decision } from '../access/policy';
import { isEndState, isPublic, type IdeaState } from './idea';
import { isSystemActor, type IdeaActorContext } from './transitions';

/**
 * Who may read, edit, support and comment on an idea, and who may see its author. Transitions are
 * in transitions.ts; these are the other actions. Same `Decision` shape as the access policy.
 */

/** What the campaign's active phase switches on. */
export interface PhaseFeatures {
  submissions: boolean;
  supports: boolean;
  comments: boolean;
}

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

function isGuardian(ctx: IdeaActorContext): boolean {
  return !isSystemActor(ctx.actor) && hasRole(ctx.actor, 'anonymity_guardian');
}

/** Network or committee member whose scope covers the idea. */
function isStaffInScope(ctx: IdeaActorContext): boolean {
  if (isSystemActor(ctx.actor)) return false;
  return hasRole(ctx.actor, 'network_member', ctx.target) || hasRole(ctx.actor, 'committee_member', ctx.target);
}

/**
 * Drafts (never submitted) are private to their authors, and to the anonymity guardian, who may
 * be asked to help with an anonymous one. Submitted ideas not (or no longer) on the wall are seen
 * by the network and committee in scope and by the people working on them. Public ideas: everyone.
 */
export function canReadIdea(idea: IdeaState, ctx: IdeaActorContext): Decision {
  if (isSystemActor(ctx.actor)) return ALLOW;
  if (ctx.isAuthor) return ALLOW;
  if (isPublic(idea)) return ALLOW;
  if (idea.submittedAt === null) return isGuardian(ctx) ? ALLOW : deny('draft_private');
  if (isStaffInScope(ctx) || ctx.isIdeaTeamMember || ctx.isImplementationOwner) return ALLOW;
  return deny('not_public');
}

/** Authors edit their idea while it is in their hands: a draft, or returned to them. */
export function canEditIdea(idea: IdeaState, ctx: IdeaActorContext): Decision {
  if (!ctx.isAuthor) return deny('not_author');
  if (idea.status !== 'emerge' && idea.status !== 'returned') return deny('not_editable');
  return ALLOW;
}

/**
 * Whether this person may see who wrote the idea. Anonymous: the authors and the anonymity
 * guardian only (a guardian's look is a reveal, which the caller audits). Otherwise whoever may read it.
 */
export function canSeeAuthor(idea: IdeaState, ctx: IdeaActorContext): Decision {
  if (!idea.anonymous) return canReadIdea(idea, ctx);
  if (ctx.isAuthor || isGuardian(ctx)) return ALLOW;
  return deny('anonymous');
}

/** Starting a new idea needs a phase open to submissions. */
export function canCreateIdea(ctx: IdeaActorContext, features: PhaseFeatures): Decision {
  if (isSystemActor(ctx.actor)) return deny('person_required');
  return features.submissions ? ALLOW : deny('submissions_closed');
}

/** Supporting and commenting: public ideas still under way, when the phase switches it on. */
function canTakePart(idea: IdeaState, ctx: IdeaActorContext, enabled: boolean, closedReason: string): Decision {
  if (isSystemActor(ctx.actor)) return deny('person_required');
  if (!isPublic(idea)) return deny('not_public');
  if (isEndState(idea.status)) return deny('idea_ended');
  if (!enabled) return deny(closedReason);
  return ALLOW;
}

/** One support per person is the caller's unique key; authors do not support their own idea. */
export function canSupport(idea: IdeaState, ctx: IdeaActorContext, features: PhaseFeatures): Decision {
  const d = canTakePart(idea, ctx, features.supports, 'supports_closed');
  if (!d.allowed) return d;
  return ctx.isAuthor ? deny('own_idea') : ALLOW;
}

export function canComment(idea: IdeaState, ctx: IdeaActorContext, features: PhaseFeatures): Decision {
  return canTakePart(idea, ctx, features.comments, 'comments_closed');
}
