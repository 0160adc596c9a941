import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PortfolioProgressSources, type PortfolioProgress } from '@eclore/server-committee';
import { projectFigures } from './project-figures';
import { ProjectRepository } from './project.repository';

/** Progress and status of the ideas' projects, computed by the domain like the project page. */
export async function projectProgressOf(
  manager: EntityManager,
  ideaIds: readonly string[],
  now: Date,
): Promise<Map<string, PortfolioProgress>> {
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

/** Tells the committee's portfolio board where the cards' progress comes from. */
@Injectable()
export class PortfolioProgressRegistration implements OnModuleInit {
  constructor(private readonly sources: PortfolioProgressSources) {}

  onModuleInit(): void {
    this.sources.register(projectProgressOf);
  }
}
