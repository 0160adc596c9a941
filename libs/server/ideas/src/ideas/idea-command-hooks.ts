import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IdeaStatus } from '@eclore/domain';

/** A lifecycle command that just changed an idea's status (inside the command's transaction). */
export interface IdeaCommandApplied {
  ideaId: string;
  command: string;
  from: IdeaStatus;
  to: IdeaStatus;
  actorId: string | null;
}

export type IdeaCommandHook = (manager: EntityManager, applied: IdeaCommandApplied) => Promise<void>;

/**
 * Writes other contexts make in the SAME transaction as every lifecycle command (runCommand and
 * merge), e.g. qualification ends an idea's open assignments when it leaves qualification. The
 * ideas context cannot import them (they depend on it), so they register here when their module
 * starts. Asynchronous follow-ups go through the outbox instead (IDEA_EVENT_JOBS).
 */
@Injectable()
export class IdeaCommandHooks {
  private readonly hooks: IdeaCommandHook[] = [];

  register(hook: IdeaCommandHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  async run(manager: EntityManager, applied: IdeaCommandApplied): Promise<void> {
    for (const hook of this.hooks) await hook(manager, applied);
  }
}
