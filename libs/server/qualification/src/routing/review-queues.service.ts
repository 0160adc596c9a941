import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@eclore/domain';
import { AccessService, peopleMap } from '@eclore/server-identity';
import { ideasByIds } from '@eclore/server-ideas';
import type { QualificationAssignment } from '../entities';
import { deadlinesOf } from '../deadlines/deadline-queries';
import { submittedAtOf } from '../scorecards/scorecards.repository';
import { RoutingRepository, type NetworkScope } from './routing.repository';
import { assignmentDto, assignmentPeopleIds, queueIdea, reviewerDto } from './routing.presenter';
import type { NetworkQueueDto, QueueItemDto, ReviewQueueDto } from './routing.dto';

/** How many ended assignments the "done" tab shows. */
const DONE_LIMIT = 50;

/** When a done item was done: its scorecard's submission or the assignment's end (ISO strings sort as dates). */
const doneAt = (i: QueueItemDto): string => i.scorecardSubmittedAt ?? i.endedAt ?? '';

/** The network member scopes of the actor. */
function networkScope(actor: Actor): NetworkScope {
  const scopes = actor.assignments.filter((a) => a.role === 'network_member').map((a) => a.scope);
  return {
    everywhere: scopes.some((s) => s.kind === 'organisation'),
    units: scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : [])),
    themes: scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : [])),
  };
}

/** The review queues: a reviewer's own, and the network-wide view within the actor's scope. */
@Injectable()
export class ReviewQueuesService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: RoutingRepository,
    private readonly access: AccessService,
  ) {}

  /** The actor's own queue: to review, overdue (past the qualification due date), done. */
  async myQueue(actor: Actor): Promise<ReviewQueueDto> {
    this.access.assert(actor, 'qualification.read_queue');
    const [open, ended] = await Promise.all([
      this.repo.openOf(actor.personId, undefined),
      this.repo.endedOf(actor.personId, DONE_LIMIT),
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
    const scope = networkScope(actor);
    const [rows, unroutedIds, members] = await Promise.all([
      this.repo.openInScope(scope, personId ?? null),
      this.repo.unroutedIdeaIds(scope),
      this.repo.networkMembers(new Date()),
    ]);
    const unrouted = await ideasByIds(this.ds.manager, unroutedIds, { withOrgUnit: true });
    return {
      assignments: await this.queueItems(rows),
      unrouted: unrouted.map(queueIdea),
      members: members
        .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName))
        .map(reviewerDto),
    };
  }

  private async queueItems(rows: readonly QualificationAssignment[]): Promise<QueueItemDto[]> {
    if (rows.length === 0) return [];
    const manager = this.ds.manager;
    const ideaIds = [...new Set(rows.map((r) => r.ideaId))];
    const [ideas, deadlines, people, scorecards] = await Promise.all([
      ideasByIds(manager, ideaIds, { withOrgUnit: true }),
      deadlinesOf(manager, ideaIds),
      peopleMap(manager, assignmentPeopleIds(rows)),
      submittedAtOf(manager, ideaIds),
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
          ...assignmentDto(r, people),
          idea: queueIdea(idea),
          dueAt: dueAt ? dueAt.toISOString() : null,
          scorecardSubmittedAt,
          overdue: r.endedAt === null && scorecardSubmittedAt === null && dueAt !== null && dueAt.getTime() < now,
        },
      ];
    });
  }
}
