import type { EntityManager } from 'typeorm';
import type { ProjectStatus } from '@eclore/domain';
import { projectFigures } from './project-figures';
import { ProjectRepository } from './project.repository';

/** A portfolio card's implementation figures: progress (whole percent) and the project's status. */
export interface PortfolioProgress {
  progress: number;
  status: ProjectStatus;
}

/**
 * Progress and status of the ideas' projects, computed by the domain like the project page. The
 * committee's portfolio board reads it (committee depends on realisation, never the reverse).
 */
export async function projectProgressOf(
  manager: EntityManager,
  ideaIds: readonly string[],
  now: Date,
): Promise<Map<string, PortfolioProgress>> {
  if (ideaIds.length === 0) return new Map();
  const rows = await new ProjectRepository(manager.connection).figuresOfIdeas(ideaIds, manager);
  const out = new Map<string, PortfolioProgress>();
  // The idea's own project (the oldest) is the one shown: rows come oldest first.
  for (const { project, milestones } of rows) {
    if (out.has(project.ideaId)) continue;
    const f = projectFigures(project, milestones, now);
    out.set(project.ideaId, { progress: f.progress, status: f.status });
  }
  return out;
}
