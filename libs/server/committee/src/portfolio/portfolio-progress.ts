import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProjectStatus } from '@eclore/domain';

/** A card's implementation figures: progress (whole percent) and the project's status. */
export interface PortfolioProgress {
  progress: number;
  status: ProjectStatus;
}

export type PortfolioProgressSource = (
  manager: EntityManager,
  ideaIds: readonly string[],
  now: Date,
) => Promise<Map<string, PortfolioProgress>>;

/**
 * Where the board learns the progress of ideas in implement and follow-up. The realisation context
 * owns projects and depends on this one (an experiment goes to the committee), so it registers its
 * read function here when its module starts instead of the committee importing it: no cycle.
 */
@Injectable()
export class PortfolioProgressSources {
  private readonly sources: PortfolioProgressSource[] = [];

  register(source: PortfolioProgressSource): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  async of(
    manager: EntityManager,
    ideaIds: readonly string[],
    now = new Date(),
  ): Promise<Map<string, PortfolioProgress>> {
    const out = new Map<string, PortfolioProgress>();
    if (ideaIds.length === 0) return out;
    for (const source of this.sources) for (const [id, p] of await source(manager, ideaIds, now)) out.set(id, p);
    return out;
  }
}
