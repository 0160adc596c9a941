import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conflict, type Actor } from '@eclore/domain';
import { IdeaAccess, IdeaCommandHooks, type IdeaCommandApplied, type IdeaDto } from '@eclore/server-ideas';
import { projectFigures } from './project-figures';
import { ProjectRepository } from './project.repository';

/**
 * `complete_implementation` (go-live): the lifecycle decides who (the implementation owner) and from
 * which status; this guard, run by the lifecycle in the command's own transaction whatever route
 * started it, refuses it unless every milestone is done or dropped with a reason and one is done
 * (domain canCompleteImplementation), and stamps the project's go-live.
 */
@Injectable()
export class GoLiveService implements OnModuleInit {
  constructor(
    private readonly repo: ProjectRepository,
    private readonly ideas: IdeaAccess,
    private readonly hooks: IdeaCommandHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.register((manager, applied) => this.onCommand(manager, applied));
  }

  complete(actor: Actor, ideaId: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, ideaId, { type: 'complete_implementation' }, { expectedVersion: version });
  }

  private async onCommand(manager: EntityManager, applied: IdeaCommandApplied): Promise<void> {
    if (applied.command !== 'complete_implementation') return;
    const project = await this.repo.ofIdea(applied.ideaId, manager, true);
    if (!project) throw new Conflict('no_project', 'The idea has no implementation project.');
    const milestones = await this.repo.milestones(project.id, manager);
    const now = new Date();
    if (!projectFigures(project, milestones, now).canComplete) {
      throw new Conflict(
        'implementation_incomplete',
        'Every milestone must be done or dropped with a reason, and at least one done, before going live.',
      );
    }
    // A go-live date already recorded (by the owner, or by the field reviews' hook in this same
    // transaction) stays: the reviews count from it, whichever hook runs first.
    await this.repo.updateProject(project.id, { goLiveAt: project.goLiveAt ?? now, completedAt: now }, manager);
  }
}
