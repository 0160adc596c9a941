import { STAGES, isStage, type IdeaOtherState, type IdeaStage, type IdeaState } from './idea';
import type { IdeaEvent } from './transitions';

export interface TimelineStep {
  stage: IdeaStage;
  /** When the idea last entered this stage; null if it never did (or, for emerge, the draft date is private). */
  at: Date | null;
  reached: boolean;
  current: boolean;
}

export interface PublicTimeline {
  steps: TimelineStep[];
  /** Where the idea ended or waits, when that is not a stage (declined, parked, stopped...). */
  outcome: IdeaOtherState | null;
  /** The public events, oldest first. Private ones (returns to authors, drafts) never appear. */
  events: IdeaEvent[];
}

/** The eight stages as the public idea page shows them, built from the facts and the public events only. */
export function publicTimeline(idea: IdeaState, events: readonly IdeaEvent[]): PublicTimeline {
  const shown = events.filter((e) => e.public).sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastEntered = (stage: IdeaStage): Date | null => {
    if (stage === 'collect') return idea.submittedAt;
    if (stage === 'visible') return idea.publishedAt;
    const entries = shown.filter((e) => e.to === stage);
    return entries.length > 0 ? entries[entries.length - 1]!.at : null;
  };
  // A parked idea is still the committee's: its current stage is decide.
  const currentStage: IdeaStage | null = isStage(idea.status)
    ? idea.status
    : idea.status === 'parked'
      ? 'decide'
      : null;
  const steps = STAGES.map((stage) => {
    const at = stage === 'emerge' ? null : lastEntered(stage);
    return { stage, at, reached: stage === 'emerge' || at !== null, current: stage === currentStage };
  });
  return { steps, outcome: isStage(idea.status) ? null : idea.status, events: shown };
}
