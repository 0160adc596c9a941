import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Conflict, reviewerRefusal, ValidationFailed, type Actor, type ScopeTarget } from '@eclore/domain';
import { AccessService, AuditService, peopleMap } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess, type LoadedIdea, type NewIdeaEvent } from '@eclore/server-ideas';
import { RoutingRepository, type NetworkMember } from './routing.repository';
import { assignmentDto, assignmentEvent, assignmentPeopleIds, authorIdsOf, reviewerDto } from './routing.presenter';
import type { AssignInput, IdeaAssignmentsDto } from './routing.dto';

/**
 * One idea's reviewers: adding, replacing and removing one by hand, and the list with who else could
 * review it. Every change appends `assigned` / `unassigned` idea events (private) and an audit entry
 * in the same transaction.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: RoutingRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Adds a reviewer to the idea, or replaces one (`replacePersonId`). */
  async assign(
    actor: Actor,
    ideaId: string,
    input: AssignInput,
    requestId: string | null,
  ): Promise<IdeaAssignmentsDto> {
    await this.ds.transaction(async (manager) => {
      const loaded = await this.loadForAssign(manager, actor, ideaId);
      await this.eligibleReviewer(manager, 'personId', input.personId, loaded.viewer.target, authorIdsOf(loaded));
      const open = await this.repo.openAssigneeIds(ideaId, manager);
      if (open.includes(input.personId))
        throw new Conflict('already_assigned', 'This person already reviews this idea.');
      const events: NewIdeaEvent[] = [];
      if (input.replacePersonId) {
        if (!open.includes(input.replacePersonId)) {
          throw new ValidationFailed([
            { field: 'replacePersonId', code: 'not_assigned', message: 'This person does not review this idea.' },
          ]);
        }
        await this.repo.end(ideaId, input.replacePersonId, 'reassigned', manager);
        events.push(assignmentEvent(ideaId, 'unassigned', input.replacePersonId, actor));
      }
      await this.repo.insert([{ ideaId, personId: input.personId, assignedBy: actor.personId }], manager);
      events.push(assignmentEvent(ideaId, 'assigned', input.personId, actor));
      await appendIdeaEvents(manager, events);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: input.replacePersonId ? 'qualification.reassigned' : 'qualification.assigned',
        subjectType: 'idea',
        subjectId: ideaId,
        data: { assigneeId: input.personId, ...(input.replacePersonId ? { replacedId: input.replacePersonId } : {}) },
        requestId,
      });
    });
    return this.ideaAssignments(actor, ideaId);
  }

  async unassign(
    actor: Actor,
    ideaId: string,
    personId: string,
    requestId: string | null,
  ): Promise<IdeaAssignmentsDto> {
    await this.ds.transaction(async (manager) => {
      await this.loadForAssign(manager, actor, ideaId);
      const open = await this.repo.openAssigneeIds(ideaId, manager);
      if (!open.includes(personId)) {
        throw new ValidationFailed([
          { field: 'personId', code: 'not_assigned', message: 'This person does not review this idea.' },
        ]);
      }
      await this.repo.end(ideaId, personId, 'removed', manager);
      await appendIdeaEvents(manager, [assignmentEvent(ideaId, 'unassigned', personId, actor)]);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'qualification.unassigned',
        subjectType: 'idea',
        subjectId: ideaId,
        data: { assigneeId: personId },
        requestId,
      });
    });
    return this.ideaAssignments(actor, ideaId);
  }

  /** The idea's reviewers (open and past) and who else could review it, for the network in scope. */
  async ideaAssignments(actor: Actor, ideaId: string): Promise<IdeaAssignmentsDto> {
    const manager = this.ds.manager;
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
    this.access.assert(actor, 'qualification.read_queue', { target: loaded.viewer.target });
    const rows = await this.repo.ofIdea(ideaId, manager);
    const members = await this.repo.networkMembers(new Date(), undefined, manager);
    const people = await peopleMap(manager, assignmentPeopleIds(rows));
    const open = rows.filter((r) => r.endedAt === null).map((r) => r.personId);
    // Candidates are people who may review it: never its authors. Listing an anonymous idea's author
    // and then refusing them made them the one listed person refused; a person left out is
    // indistinguishable from anyone out of scope, and assigning them anyway gets that same refusal.
    const excluded = authorIdsOf(loaded);
    return {
      ideaId,
      status: loaded.idea.status,
      unrouted: loaded.idea.status === 'qualify' && open.length === 0,
      assignments: rows.map((r) => assignmentDto(r, people)),
      candidates: members
        .filter((m) => !open.includes(m.personId) && reviewerRefusal(m, loaded.viewer.target, excluded) === null)
        .sort((a, b) => a.openAssignments - b.openAssignments || a.familyName.localeCompare(b.familyName))
        .map(reviewerDto),
    };
  }

  private async loadForAssign(manager: EntityManager, actor: Actor, ideaId: string): Promise<LoadedIdea> {
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor, { lock: true });
    this.access.assert(actor, 'qualification.assign', { target: loaded.viewer.target });
    if (loaded.idea.status !== 'qualify') {
      throw new Conflict('not_in_qualification', 'Reviewers are assigned only while the idea is in qualification.');
    }
    return loaded;
  }

  /** Checks that this person may review the idea now; 400 naming the field otherwise. */
  private async eligibleReviewer(
    manager: EntityManager,
    field: string,
    personId: string,
    target: ScopeTarget,
    authorIds: readonly string[],
  ): Promise<NetworkMember> {
    const [member] = await this.repo.networkMembers(new Date(), [personId], manager);
    // One code for "not a member", "out of scope" and "an author": a refusal must not tell who wrote an anonymous idea.
    if (!member || reviewerRefusal(member, target, authorIds) !== null) {
      throw new ValidationFailed([
        {
          field,
          code: 'reviewer_not_eligible',
          message: 'This person cannot review this idea (role, scope or conflict of interest).',
        },
      ]);
    }
    if (member.absence) {
      throw new ValidationFailed([
        { field, code: 'reviewer_absent', message: 'This person is absent; assign their delegate or someone else.' },
      ]);
    }
    return member;
  }
}
