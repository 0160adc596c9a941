import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFound, type Actor, type PolicyContext } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { ImplementationProject } from '../entities';
import { ImpactRepository } from './impact.repository';

/** A project with its idea loaded for the actor, and the actor's place in both. */
export interface ProjectInContext {
  project: ImplementationProject;
  loaded: LoadedIdea;
  ctx: PolicyContext;
}

/**
 * Loads a project through its idea: an idea the actor may not read is answered as absent (as its
 * project, indicators and measurements), so no route reveals that they exist.
 */
@Injectable()
export class ImpactAccess {
  constructor(
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly repo: ImpactRepository,
  ) {}

  async project(manager: EntityManager, actor: Actor, projectId: string): Promise<ProjectInContext> {
    const project = await this.repo.project(projectId, manager);
    if (!project) throw new NotFound('implementation_project', projectId);
    const loaded = await this.ideas.find(manager, project.ideaId, actor);
    if (!loaded || !this.ideas.canRead(loaded)) throw new NotFound('implementation_project', projectId);
    return { project, loaded, ctx: contextFor(actor, loaded, project) };
  }

  /** Asserts the action on the project's idea (403 with the policy's reason). */
  assert(actor: Actor, action: 'impact.record' | 'impact.validate', ctx: PolicyContext): void {
    this.access.assert(actor, action, ctx);
  }

  can(actor: Actor, action: 'impact.record' | 'impact.validate', ctx: PolicyContext): boolean {
    return this.access.can(actor, action, ctx);
  }
}

/** The policy facts for one project: its owner (this project's, not any), the idea's team, the authors. */
export function contextFor(actor: Actor, loaded: LoadedIdea, project: ImplementationProject): PolicyContext {
  return {
    target: loaded.viewer.target,
    isProjectOwner: project.ownerId === actor.personId,
    isTeamMember: loaded.viewer.isIdeaTeamMember,
    isAuthor: loaded.viewer.isAuthor,
  };
}
