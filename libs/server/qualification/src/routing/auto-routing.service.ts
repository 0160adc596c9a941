import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chooseReviewers, type Actor } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import {
  appendIdeaEvents,
  IdeaAccess,
  IdeaCommandHooks,
  type IdeaCommandApplied,
  type IdeaDto,
  type LoadedIdea,
} from '@eclore/server-ideas';
import { endOpenAssignments, RoutingRepository } from './routing.repository';
import { authorIdsOf } from './routing.presenter';

/** Ends the idea's open assignments when it leaves qualification (a hook in the command's transaction). */
export async function endAssignmentsOnLeave(manager: EntityManager, applied: IdeaCommandApplied): Promise<void> {
  if (applied.from !== 'qualify' || applied.to === 'qualify') return;
  await endOpenAssignments(manager, applied.ideaId, 'idea_left_qualification');
}

/**
 * The automatic routing: when an idea enters qualification, the policy chooses its reviewers in the
 * command's transaction (`assigned` idea events, private, and an audit entry).
 */
@Injectable()
export class AutoRoutingService implements OnModuleInit {
  constructor(
    private readonly repo: RoutingRepository,
    private readonly ideas: IdeaAccess,
    private readonly hooks: IdeaCommandHooks,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(endAssignmentsOnLeave);
  }

  /** The `start_qualification` command, with the automatic routing in the same transaction. */
  startQualification(
    actor: Actor,
    id: string,
    version: number | undefined,
    requestId: string | null,
  ): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'start_qualification' },
      { expectedVersion: version, effects: (manager, loaded) => this.route(manager, loaded, actor, requestId) },
    );
  }

  private async route(
    manager: EntityManager,
    loaded: LoadedIdea,
    actor: Actor,
    requestId: string | null,
  ): Promise<void> {
    const ideaId = loaded.idea.id;
    const choice = chooseReviewers({
      target: loaded.viewer.target,
      authorIds: authorIdsOf(loaded),
      candidates: await this.repo.networkMembers(new Date(), undefined, manager),
      alreadyAssignedIds: await this.repo.openAssigneeIds(ideaId, manager),
    });
    await this.repo.insert(
      choice.reviewerIds.map((personId) => ({ ideaId, personId, assignedBy: null })),
      manager,
    );
    await appendIdeaEvents(
      manager,
      choice.reviewerIds.map((assigneeId) => {
        const delegation = choice.delegations.find((d) => d.delegateId === assigneeId);
        return {
          ideaId,
          type: 'assigned',
          actorId: null,
          public: false,
          data: { assigneeId, automatic: true, ...(delegation ? { onBehalfOf: delegation.absentId } : {}) },
        };
      }),
    );
    await this.audit.append(manager, {
      actorId: actor.personId,
      action: 'qualification.routed',
      subjectType: 'idea',
      subjectId: ideaId,
      data: { reviewerIds: choice.reviewerIds, delegations: choice.delegations, unrouted: choice.unrouted },
      requestId,
    });
  }
}
