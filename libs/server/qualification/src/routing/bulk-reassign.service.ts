import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Forbidden, hasRole, reviewerRefusal, ValidationFailed, type Actor } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import {
  appendIdeaEvents,
  IdeaAccess,
  ideasByIds,
  lockIdeas,
  type LoadedIdea,
  type NewIdeaEvent,
} from '@eclore/server-ideas';
import type { QualificationAssignment } from '../entities';
import { RoutingRepository, type NetworkMember } from './routing.repository';
import { assignmentEvent, authorIdsOf } from './routing.presenter';
import type { BulkReassignInput, BulkReassignResultDto } from './routing.dto';

type Skipped = BulkReassignResultDto['skipped'];

/**
 * Moves a member's open assignments (all those on ideas the actor's scope covers, or the selected
 * ones) to another member. Ideas the new reviewer may not review, or already reviews, are skipped
 * and reported.
 */
@Injectable()
export class BulkReassignService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: RoutingRepository,
    private readonly ideas: IdeaAccess,
    private readonly audit: AuditService,
  ) {}

  async bulkReassign(actor: Actor, input: BulkReassignInput, requestId: string | null): Promise<BulkReassignResultDto> {
    if (input.toPersonId === input.fromPersonId) {
      throw new ValidationFailed([{ field: 'toPersonId', code: 'same_person', message: 'Choose another member.' }]);
    }
    return this.ds.transaction(async (manager) => {
      const rows = await this.lockedRows(manager, input);
      const [to] = await this.repo.networkMembers(new Date(), [input.toPersonId], manager);
      if (!to) {
        throw new ValidationFailed([
          { field: 'toPersonId', code: 'reviewer_not_eligible', message: 'Not an active network member.' },
        ]);
      }
      const ideas = await ideasByIds(
        manager,
        rows.map((r) => r.ideaId),
      );
      const loaded = new Map((await this.ideas.complete(manager, ideas, actor)).map((l) => [l.idea.id, l]));
      const moved: string[] = [];
      const skipped: Skipped = [];
      const events: NewIdeaEvent[] = [];
      for (const row of rows) {
        const outcome = await this.moveOne(manager, actor, input, row, loaded.get(row.ideaId)!, to);
        if (outcome === 'moved') {
          events.push(
            assignmentEvent(row.ideaId, 'unassigned', row.personId, actor),
            assignmentEvent(row.ideaId, 'assigned', to.personId, actor),
          );
          moved.push(row.id);
        } else if (outcome !== 'not_covered') {
          skipped.push({ assignmentId: row.id, ideaId: row.ideaId, reason: outcome });
        }
      }
      await appendIdeaEvents(manager, events);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'qualification.bulk_reassigned',
        subjectType: 'person',
        subjectId: input.fromPersonId,
        data: { toPersonId: to.personId, movedAssignmentIds: moved, skipped },
        requestId,
      });
      return { moved: moved.length, skipped };
    });
  }

  /** The assignments to move, read again under their ideas' row locks. */
  private async lockedRows(manager: EntityManager, input: BulkReassignInput): Promise<QualificationAssignment[]> {
    // Every writer of an idea's assignments holds the idea's row lock first (commands, one-idea
    // changes, this), in id order here: no two can interleave or deadlock.
    const touched = await this.repo.openIdeaIdsOf(input.fromPersonId, input.assignmentIds, manager);
    await lockIdeas(manager, touched);
    // Re-read under the locks; an assignment made meanwhile on another idea waits for the next move.
    const rows = (await this.repo.openOf(input.fromPersonId, input.assignmentIds, manager)).filter((r) =>
      touched.includes(r.ideaId),
    );
    if (input.assignmentIds && rows.length !== new Set(input.assignmentIds).size) {
      throw new ValidationFailed([
        {
          field: 'assignmentIds',
          code: 'unknown_assignment',
          message: 'Some assignments are not open assignments of this member.',
        },
      ]);
    }
    return rows;
  }

  private async moveOne(
    manager: EntityManager,
    actor: Actor,
    input: BulkReassignInput,
    row: QualificationAssignment,
    idea: LoadedIdea,
    to: NetworkMember,
  ): Promise<'moved' | 'not_covered' | Skipped[number]['reason']> {
    if (!hasRole(actor, 'network_member', idea.viewer.target)) {
      // Selected by hand: refuse; "all": the actor simply does not move what they do not cover.
      if (input.assignmentIds) throw new Forbidden('out_of_scope', 'Your role does not cover one of these ideas.');
      return 'not_covered';
    }
    if (reviewerRefusal(to, idea.viewer.target, authorIdsOf(idea)) !== null) return 'reviewer_not_eligible';
    if (await this.repo.isOpenAssignee(row.ideaId, to.personId, manager)) return 'already_assigned';
    await this.repo.end(row.ideaId, row.personId, 'reassigned', manager);
    await this.repo.insert([{ ideaId: row.ideaId, personId: to.personId, assignedBy: actor.personId }], manager);
    return 'moved';
  }
}
