import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Which of some ideas the person works on after the decision (docs/realisation.md). */
export interface IdeaRelationFacts {
  /** Ideas whose team the person is in. */
  teamIdeaIds: ReadonlySet<string>;
  /** Ideas whose implementation project the person owns (not a replication's project). */
  ownedIdeaIds: ReadonlySet<string>;
}

export type IdeaRelationSource = (
  manager: EntityManager,
  ideaIds: readonly string[],
  personId: string,
) => Promise<IdeaRelationFacts>;

const NONE: IdeaRelationFacts = { teamIdeaIds: new Set(), ownedIdeaIds: new Set() };

/**
 * The idea team and the implementation owner live in the realisation context, which depends on
 * this one; it registers its reader here when its module starts (as IdeaCommandHooks does for
 * writes), so the one idea loader fills `isIdeaTeamMember` / `isImplementationOwner` without
 * reading another context's tables.
 */
@Injectable()
export class IdeaRelations {
  private source: IdeaRelationSource | null = null;

  register(source: IdeaRelationSource): void {
    this.source = source;
  }

  async of(manager: EntityManager, ideaIds: readonly string[], personId: string): Promise<IdeaRelationFacts> {
    if (!this.source || ideaIds.length === 0) return NONE;
    return this.source(manager, ideaIds, personId);
  }
}
