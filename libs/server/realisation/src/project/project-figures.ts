import {
  canCompleteImplementation,
  expectedProgress,
  isMilestoneLate,
  projectProgress,
  projectStatus,
  type Milestone as DomainMilestone,
  type ProjectStatus,
} from '@eclore/domain';
import type { ImplementationProject, Milestone } from '../entities';

/** A stored day (YYYY-MM-DD) as the domain's 00:00 UTC date. */
export const dayDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

export function toDomainMilestone(
  m: Pick<Milestone, 'weight' | 'dueOn' | 'status' | 'progress' | 'dropReason'>,
): DomainMilestone {
  return {
    weight: m.weight,
    dueOn: dayDate(m.dueOn),
    status: m.status,
    progress: m.progress,
    dropReason: m.dropReason,
  };
}

export interface ProjectFigures {
  progress: number;
  expected: number;
  status: ProjectStatus;
  canComplete: boolean;
  /** Milestone ids past due and still open. */
  lateIds: Set<string>;
}

/**
 * Progress, expected progress and status, all from the domain (docs/realisation.md §3): the one
 * place the server turns stored rows into those figures, for the project page, the lineage and the
 * portfolio alike.
 */
export function projectFigures(
  project: Pick<ImplementationProject, 'startsOn'>,
  milestones: readonly Milestone[],
  now: Date,
): ProjectFigures {
  const domain = milestones.map(toDomainMilestone);
  const start = dayDate(project.startsOn);
  return {
    progress: projectProgress(domain),
    expected: expectedProgress(domain, start, now),
    status: projectStatus(domain, start, now),
    canComplete: canCompleteImplementation(domain),
    lateIds: new Set(milestones.filter((m, i) => isMilestoneLate(domain[i]!, now)).map((m) => m.id)),
  };
}

/** Expected progress at the end of each distinct due day: the plan line of the progress chart. */
export function planPoints(
  project: Pick<ImplementationProject, 'startsOn'>,
  milestones: readonly Milestone[],
): { on: string; expected: number }[] {
  const domain = milestones.map(toDomainMilestone);
  const start = dayDate(project.startsOn);
  const days = [
    ...new Set([project.startsOn, ...milestones.filter((m) => m.status !== 'dropped').map((m) => m.dueOn)]),
  ].sort();
  return days.map((on) => ({
    on,
    // The end of that day, when milestones due that day are fully expected.
    expected:
      on === project.startsOn ? 0 : expectedProgress(domain, start, new Date(dayDate(on).getTime() + 86_400_000)),
  }));
}
