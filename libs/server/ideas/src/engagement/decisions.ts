import { Conflict, Forbidden, NotFound, canReadIdea, type Decision } from '@eclore/domain';
import type { LoadedIdea } from '../ideas/idea-access.service';

/** Refusals that depend on the idea's state or its campaign phase, not on who asks: 409. */
const STATE_REFUSALS: Record<string, string> = {
  supports_closed: 'Supports are closed in the current phase of this campaign.',
  comments_closed: 'Comments are closed in the current phase of this campaign.',
  idea_ended: 'This idea has ended; it takes no more supports or comments.',
  comment_hidden: 'This comment is hidden by moderation; it cannot be adopted.',
};

const FORBIDDEN_REFUSALS: Record<string, string> = {
  own_idea: 'Authors do not support their own idea.',
  not_public: 'This idea is not on the wall.',
  person_required: 'A person must do this.',
  not_author: 'Only the idea’s authors mark a comment adopted.',
  own_comment: 'One’s own comment is not adopted.',
  author_comment: 'The authors’ own comments are not adopted: adopt a comment someone else wrote.',
};

/** Throws the problem matching a refused idea-policy decision (409 for state, 403 for the person). */
export function assertDecision(decision: Decision): void {
  if (decision.allowed) return;
  const reason = decision.reason ?? 'forbidden';
  if (STATE_REFUSALS[reason]) throw new Conflict(reason, STATE_REFUSALS[reason]);
  throw new Forbidden(reason, FORBIDDEN_REFUSALS[reason]);
}

/** Someone who may not read the idea learns nothing about it, not even that it exists. */
export function assertReadable(idea: LoadedIdea): void {
  if (!canReadIdea(idea.state, idea.credited).allowed) throw new NotFound('idea', idea.idea.id);
}
