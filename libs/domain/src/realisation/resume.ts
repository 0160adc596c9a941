import type { IdeaState } from '../ideas/idea';

/**
 * Resuming a parked idea. The lifecycle already has it (`resume`: parked → decide, by the committee
 * at any time or by the system once `parkedUntil` has passed); what it lacked is when the delayed
 * job is scheduled and what it re-checks when it fires (the idea may have been resumed by hand, or
 * parked again with a later date, meanwhile).
 */
export function parkedResumeAt(idea: Pick<IdeaState, 'status' | 'parkedUntil'>): Date | null {
  return idea.status === 'parked' ? idea.parkedUntil : null;
}

/** True when the job that fired at `now` should run `resume` as the system. */
export function isResumeDue(idea: Pick<IdeaState, 'status' | 'parkedUntil'>, now: Date): boolean {
  const at = parkedResumeAt(idea);
  return at !== null && at.getTime() <= now.getTime();
}
