import { Injectable } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { IdeaAccess } from './idea-access.service';
import type { IdeaDto } from './ideas.dto';

/**
 * The lifecycle commands after the committee's decision that have no richer use case of their own:
 * stop (a result: its learnings stay public), resume a parked idea, go-live (complete_implementation)
 * and close. The rules (who, from which status, required fields) are the domain's transition table;
 * other contexts add their guards through IdeaCommandHooks (e.g. close needs the last field review
 * answered, go-live needs the milestones done) in the same transaction.
 */
@Injectable()
export class IdeaLifecycle {
  constructor(private readonly ideas: IdeaAccess) {}

  stop(actor: Actor, id: string, learnings: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'stop', learnings }, { expectedVersion: version });
  }

  resume(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'resume' }, { expectedVersion: version });
  }

  completeImplementation(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'complete_implementation' }, { expectedVersion: version });
  }

  close(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'close' }, { expectedVersion: version });
  }
}
