import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import {
  chooseReviewers,
  Conflict,
  Forbidden,
  hasRole,
  reviewerRefusal,
  ValidationFailed,
  type Actor,
  type ScopeTarget,
} from '@eclore/domain';
import { AccessService, AuditService, Person } from '@eclore/server-identity';
import {
  appendIdeaEvents,
  Idea,
  IdeaAccess,
  IdeaCommandHooks,
  type IdeaCommandApplied,
  type IdeaDto,
  type LoadedIdea,
  type NewIdeaEvent,
} from '@eclore/server-ideas';
import { QualificationAssignment, Scorecard } from '../entities';
import { deadlinesOf } from '../deadlines';
import { openAssigneeIds } from './assignees';
import { networkMembers, type NetworkMember } from './routing-queries';
import type {
  AssignmentDto,
  BulkReassignInput,
  BulkReassignResultDto,
  IdeaAssignmentsDto,
  NetworkQueueDto,
  AssignInput,
  QueueIdeaDto,
  QueueItemDto,
  ReviewQueueDto,
  ReviewerDto,
} from './routing.dto';

/** How many ended assignments the "done" tab shows. */
const DONE_LIMIT = 50;
/** How many open assignments the network-wide view lists at once. */
const NETWORK_LIMIT = 500;

/** When a done item was done: its scorecard's submission or the assignment's end (ISO strings sort as dates). */
const doneAt = (i: QueueItemDto): string => i.scorecardSubmittedAt ?? i.endedAt ?? '';

/** Ends the idea's open assignments when it leaves qualification (a hook in the command's transaction). */
export async function endAssignmentsOnLeave(manager: EntityManager, applied: IdeaCommandApplied): Promise<void> {
  if (applied.from !== 'qualify' || applied.to === 'qualify') return;
  await manager.update(
    QualificationAssignment,
    { ideaId: applied.ideaId, endedAt: IsNull() },
    { endedAt: new Date(), endReason: 'idea_left_qualification' },
  );
}

function authorIdsOf(loaded: LoadedIdea): string[] {
  return [...loaded.authors.map((a) => a.personId), ...(loaded.idea.capturedBy ? [loaded.idea.capturedBy] : [])];
}

function reviewerDto(m: NetworkMember): ReviewerDto {
  return {
    id: m.personId,
    givenName: m.givenName,
    familyName: m.familyName,
    openAssignments: m.openAssignments,
    absentUntil: m.absentUntil ? m.absentUntil.toISOString() : null,
  };
}

function queueIdea(idea: Idea): QueueIdeaDto {
  // Title and place only: a queue names no author, so an anonymous one cannot leak from here.
  return {
    id: idea.id,
    title: idea.title,
    status: idea.status,
    orgUnitName: idea.orgUnit?.name ?? null,
    themes: idea.themes,
  };
}

/**
 * Routing ideas in qualification to reviewers: the automatic choice when an idea enters
 * qualification, manual and bulk reassignment, the queues. Every change appends `assigned` /
 * `unassigned` idea events (private) and an audit entry in the same transaction.
 */
@Injectable()
export class RoutingService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly hooks: IdeaCommandHooks,
    private readonly access: AccessService,
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
      candidates: await networkMembers(manager, new Date()),
      alreadyAssignedIds: await openAssigneeIds(manager, ideaId),
    });
    const now = new Date();
    if (choice.reviewerIds.length > 0) {
      await manager.insert(
        QualificationAssignment,
        choice.reviewerIds.map((personId) => ({ ideaId, personId, assignedBy: null, assignedAt: now })),
      );
    }
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

  // ---- one idea ---------------------------------------------------------------------------------

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
    const [member] = await networkMembers(manager, new Date(), [personId]);
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
      const open = await openAssigneeIds(manager, ideaId);
      if (open.includes(input.personId))
        throw new Conflict('already_assigned', 'This person already reviews this idea.');
      const events: NewIdeaEvent[] = [];
      if (input.replacePersonId) {
        if (!open.includes(input.replacePersonId)) {
          throw new ValidationFailed([
            { field: 'replacePersonId', code: 'not_assigned', message: 'This person does not review this idea.' },
          ]);
        }
        await this.end(manager, ideaId, input.replacePersonId, 'reassigned');
        events.push(this.event(ideaId, 'unassigned', input.replacePersonId, actor));
      }
      await manager.insert(QualificationAssignment, {
        ideaId,
        personId: input.personId,
        assignedBy: actor.personId,
        assignedAt: new Date(),
      });
      events.push(this.event(ideaId, 'assigned', input.personId, actor));
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
      const open = await openAssigneeIds(manager, ideaId);
      if (!open.includes(personId)) {
        throw new ValidationFailed([
          { field: 'personId', code: 'not_assigned', message: 'This person does not review this idea.' },
        ]);
      }
      await this.end(manager, ideaId, personId, 'removed');
      await appendIdeaEvents(manager, [this.event(ideaId, 'unassigned', personId, actor)]);
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
    const rows = await manager.getRepository(QualificationAssignment).find({
      where: { ideaId },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
    const members = await networkMembers(manager, new Date());
    const people = await this.people(
      manager,
      rows.flatMap((r) => [r.personId, ...(r.assignedBy ? [r.assignedBy] : [])]),
    );
    const open = rows.filter((r) => r.endedAt === null).map((r) => r.personId);
    // Candidates are people who may review it: never its authors. Listing an anonymous idea's author
    // and then refusing them made them the one listed person refused; a person left out is
    // indistinguishable from anyone out of scope, and assigning them anyway gets that same refusal.
    const excluded = authorIdsOf(loaded);
    return {
      ideaId,
      status: loaded.idea.status,
      unrouted: loaded.idea.status === 'qualify' && open.length === 0,
      assignments: rows.map((r) => this.assignmentDto(r, people)),
      candidates: members
        .filter((m) => !open.includes(m.personId) && reviewerRefusal(m, loaded.viewer.target, excluded) === null)
        .sort((a, b) => a.openAssignments - b.openAssignments || a.familyName.localeCompare(b.familyName))
        .map(reviewerDto),
    };
  }

  // ---- bulk ------------------------------------------------------------------------------------

  /**
   * Moves a member's open assignments (all those on ideas the actor's scope covers, or the selected
   * ones) to another member. Ideas the new reviewer may not review, or already reviews, are skipped
   * and reported.
   */
  async bulkReassign(actor: Actor, input: BulkReassignInput, requestId: string | null): Promise<BulkReassignResultDto> {
    if (input.toPersonId === input.fromPersonId) {
      throw new ValidationFailed([{ field: 'toPersonId', code: 'same_person', message: 'Choose another member.' }]);
    }
    return this.ds.transaction(async (manager) => {
      const where = {
        personId: input.fromPersonId,
        endedAt: IsNull(),
        ...(input.assignmentIds ? { id: In(input.assignmentIds) } : {}),
      };
      const repo = manager.getRepository(QualificationAssignment);
      // Every writer of an idea's assignments holds the idea's row lock first (commands, one-idea
      // changes, this), in id order here: no two can interleave or deadlock.
      const touched = [...new Set((await repo.find({ select: { ideaId: true }, where })).map((r) => r.ideaId))];
      if (touched.length > 0) {
        await manager.query('SELECT id FROM idea WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [touched]);
      }
      // Re-read under the locks; an assignment made meanwhile on another idea waits for the next move.
      const rows = (await repo.find({ where, order: { assignedAt: 'ASC', id: 'ASC' } })).filter((r) =>
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
      const [to] = await networkMembers(manager, new Date(), [input.toPersonId]);
      if (!to) {
        throw new ValidationFailed([
          { field: 'toPersonId', code: 'reviewer_not_eligible', message: 'Not an active network member.' },
        ]);
      }
      const ideas = await manager.getRepository(Idea).findBy({ id: In([...new Set(rows.map((r) => r.ideaId))]) });
      const loaded = new Map((await this.ideas.complete(manager, ideas, actor)).map((l) => [l.idea.id, l]));
      const moved: string[] = [];
      const skipped: BulkReassignResultDto['skipped'] = [];
      const events: NewIdeaEvent[] = [];
      for (const row of rows) {
        const idea = loaded.get(row.ideaId)!;
        if (!hasRole(actor, 'network_member', idea.viewer.target)) {
          // Selected by hand: refuse; "all": the actor simply does not move what they do not cover.
          if (input.assignmentIds) throw new Forbidden('out_of_scope', 'Your role does not cover one of these ideas.');
          continue;
        }
        if (reviewerRefusal(to, idea.viewer.target, authorIdsOf(idea)) !== null) {
          skipped.push({ assignmentId: row.id, ideaId: row.ideaId, reason: 'reviewer_not_eligible' });
          continue;
        }
        if (
          await manager
            .getRepository(QualificationAssignment)
            .exists({ where: { ideaId: row.ideaId, personId: to.personId, endedAt: IsNull() } })
        ) {
          skipped.push({ assignmentId: row.id, ideaId: row.ideaId, reason: 'already_assigned' });
          continue;
        }
        await this.end(manager, row.ideaId, row.personId, 'reassigned');
        await manager.insert(QualificationAssignment, {
          ideaId: row.ideaId,
          personId: to.personId,
          assignedBy: actor.personId,
          assignedAt: new Date(),
        });
        events.push(
          this.event(row.ideaId, 'unassigned', row.personId, actor),
          this.event(row.ideaId, 'assigned', to.personId, actor),
        );
        moved.push(row.id);
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

  // ---- queues ----------------------------------------------------------------------------------

  /** The actor's own queue: to review, overdue (past the qualification due date), done. */
  async myQueue(actor: Actor): Promise<ReviewQueueDto> {
    this.access.assert(actor, 'qualification.read_queue');
    const repo = this.ds.getRepository(QualificationAssignment);
    const [open, ended] = await Promise.all([
      repo.find({ where: { personId: actor.personId, endedAt: IsNull() }, order: { assignedAt: 'ASC', id: 'ASC' } }),
      repo.find({
        where: { personId: actor.personId, endedAt: Not(IsNull()) },
        order: { endedAt: 'DESC', id: 'ASC' },
        take: DONE_LIMIT,
      }),
    ]);
    const items = await this.queueItems([...open, ...ended]);
    // Done: the assignment ended, or the reviewer submitted their scorecard for it.
    const done = items
      .filter((i) => i.endedAt !== null || i.scorecardSubmittedAt !== null)
      .sort((a, b) => (doneAt(b) < doneAt(a) ? -1 : doneAt(b) > doneAt(a) ? 1 : 0));
    const pending = items.filter((i) => i.endedAt === null && i.scorecardSubmittedAt === null);
    const toReview = pending.filter((i) => !i.overdue);
    const overdue = pending.filter((i) => i.overdue);
    return {
      toReview,
      overdue,
      done,
      counts: { toReview: toReview.length, overdue: overdue.length, done: done.length },
    };
  }

  /** The network-wide view within the actor's scope: open assignments, unrouted ideas, members' workload. */
  async networkQueue(actor: Actor, personId?: string): Promise<NetworkQueueDto> {
    this.access.assert(actor, 'qualification.read_queue');
    const scopes = actor.assignments.filter((a) => a.role === 'network_member').map((a) => a.scope);
    const everywhere = scopes.some((s) => s.kind === 'organisation');
    const units = scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : []));
    const themes = scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : []));
    const inScope = `i.status = 'qualify' AND ($1::boolean OR ou.path && $2::uuid[] OR i.themes && $3::text[])`;
    const [assignmentIds, unroutedIds, members] = await Promise.all([
      this.ds.query(
        `SELECT a.id FROM qualification_assignment a
           JOIN idea i ON i.id = a.idea_id LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
          WHERE a.ended_at IS NULL AND ${inScope} AND ($4::uuid IS NULL OR a.person_id = $4)
          ORDER BY a.assigned_at ASC, a.id ASC LIMIT ${NETWORK_LIMIT}`,
        [everywhere, units, themes, personId ?? null],
      ) as Promise<{ id: string }[]>,
      this.ds.query(
        `SELECT i.id FROM idea i LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
          WHERE ${inScope}
            AND NOT EXISTS (SELECT 1 FROM qualification_assignment a WHERE a.idea_id = i.id AND a.ended_at IS NULL)
          ORDER BY i.updated_at ASC, i.id ASC LIMIT ${NETWORK_LIMIT}`,
        [everywhere, units, themes],
      ) as Promise<{ id: string }[]>,
      networkMembers(this.ds.manager, new Date()),
    ]);
    const rows = assignmentIds.length
      ? await this.ds.getRepository(QualificationAssignment).find({
          where: { id: In(assignmentIds.map((r) => r.id)) },
          order: { assignedAt: 'ASC', id: 'ASC' },
        })
      : [];
    const unrouted = unroutedIds.length
      ? await this.ds
          .getRepository(Idea)
          .find({ where: { id: In(unroutedIds.map((r) => r.id)) }, relations: { orgUnit: true } })
      : [];
    return {
      assignments: await this.queueItems(rows),
      unrouted: unrouted.map(queueIdea),
      members: members
        .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName))
        .map(reviewerDto),
    };
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private async queueItems(rows: readonly QualificationAssignment[]): Promise<QueueItemDto[]> {
    if (rows.length === 0) return [];
    const manager = this.ds.manager;
    const ideaIds = [...new Set(rows.map((r) => r.ideaId))];
    const [ideas, deadlines, people, scorecards] = await Promise.all([
      manager.getRepository(Idea).find({ where: { id: In(ideaIds) }, relations: { orgUnit: true } }),
      deadlinesOf(manager, ideaIds),
      this.people(
        manager,
        rows.flatMap((r) => [r.personId, ...(r.assignedBy ? [r.assignedBy] : [])]),
      ),
      manager.getRepository(Scorecard).find({
        select: { ideaId: true, reviewerId: true, submittedAt: true },
        where: { ideaId: In(ideaIds), status: 'submitted' },
      }),
    ]);
    const ideaById = new Map(ideas.map((i) => [i.id, i]));
    const submitted = new Map(scorecards.map((c) => [`${c.ideaId}/${c.reviewerId}`, c.submittedAt]));
    const now = Date.now();
    return rows.flatMap((r) => {
      const idea = ideaById.get(r.ideaId);
      if (!idea) return [];
      const dueAt = deadlines.get(r.ideaId)?.qualificationDueAt ?? null;
      // A scorecard counts for this assignment only if submitted while it ran (not one from an earlier round).
      const scored = submitted.get(`${r.ideaId}/${r.personId}`) ?? null;
      const scorecardSubmittedAt =
        scored && scored.getTime() >= r.assignedAt.getTime() && (!r.endedAt || scored.getTime() <= r.endedAt.getTime())
          ? scored.toISOString()
          : null;
      return [
        {
          ...this.assignmentDto(r, people),
          idea: queueIdea(idea),
          dueAt: dueAt ? dueAt.toISOString() : null,
          scorecardSubmittedAt,
          overdue: r.endedAt === null && scorecardSubmittedAt === null && dueAt !== null && dueAt.getTime() < now,
        },
      ];
    });
  }

  private assignmentDto(r: QualificationAssignment, people: ReadonlyMap<string, Person>): AssignmentDto {
    const person = people.get(r.personId);
    const by = r.assignedBy ? people.get(r.assignedBy) : undefined;
    return {
      id: r.id,
      ideaId: r.ideaId,
      reviewer: { id: r.personId, givenName: person?.givenName ?? '', familyName: person?.familyName ?? '' },
      assignedBy: by ? { id: by.id, givenName: by.givenName, familyName: by.familyName } : null,
      assignedAt: r.assignedAt.toISOString(),
      endedAt: r.endedAt ? r.endedAt.toISOString() : null,
      endReason: r.endReason,
    };
  }

  private async people(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Person>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return new Map((await manager.getRepository(Person).findBy({ id: In(unique) })).map((p) => [p.id, p]));
  }

  private async end(manager: EntityManager, ideaId: string, personId: string, reason: string): Promise<void> {
    await manager.update(
      QualificationAssignment,
      { ideaId, personId, endedAt: IsNull() },
      { endedAt: new Date(), endReason: reason },
    );
  }

  private event(ideaId: string, type: 'assigned' | 'unassigned', assigneeId: string, actor: Actor): NewIdeaEvent {
    return { ideaId, type, actorId: actor.personId, public: false, data: { assigneeId } };
  }
}
