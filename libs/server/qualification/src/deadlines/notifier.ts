import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { deadlineJobStillDue, type DeadlineAction, type DeadlineKind } from '@eclore/domain';
import { recordJobReceipt, type DeadlineJobPayload } from '@eclore/server-platform';
import { peopleWithRoleCovering } from '@eclore/server-identity';
import { appendIdeaEvents, ideaScopeTarget, lockIdeas } from '@eclore/server-ideas';
import { openAssigneeIds } from '../shared/assignees';
import { DEADLINE_CLOCK, systemClock, type Clock } from './clock';
import { loadDeadlines } from './deadline-queries';

export type DeadlineFireResult =
  | { fired: true; eventType: string; recipients: string[] }
  | { fired: false; reason: 'stale' | 'already_done' | 'idea_gone' };

/**
 * What a deadline job does when it fires: re-read the idea, act only if the deadline still applies
 * with the due date it was scheduled for (else it is stale and does nothing), and append the idea
 * event that the notifications pipeline turns into notifications — once (job receipt), in one
 * transaction with the event and its outbox messages.
 *
 * Reminder: to the open assignees; before anyone is assigned (intake), to the network members whose
 * scope covers the idea, who owe the first answer. Escalation: to the network lead(s) whose scope
 * covers the idea, naming the assignees.
 */
@Injectable()
export class DeadlineNotifier {
  private readonly clock: Clock;

  // Injectable (DeadlineJobsModule) and still constructible by hand: the worker's handlers build it.
  constructor(
    private readonly ds: DataSource,
    @Optional() @Inject(DEADLINE_CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  async fire(
    action: DeadlineAction,
    payload: DeadlineJobPayload,
    job: Pick<Job, 'name' | 'id'>,
  ): Promise<DeadlineFireResult> {
    const dueAt = new Date(payload.dueAt);
    const deadline: DeadlineKind = payload.deadline;
    return this.ds.transaction(async (m) => {
      // The idea row lock orders this against a command answering the idea at the same moment.
      const locked = await lockIdeas(m, [payload.ideaId]);
      if (locked.length === 0) return { fired: false, reason: 'idea_gone' };
      const deadlines = (await loadDeadlines(m, [payload.ideaId])).get(payload.ideaId) ?? [];
      if (!deadlineJobStillDue({ action, deadline, dueAt }, deadlines, this.clock.now())) {
        return { fired: false, reason: 'stale' };
      }
      const key = `deadline.${action}:${payload.ideaId}:${deadline}:${dueAt.getTime()}`;
      if (!(await recordJobReceipt(m, key, job))) return { fired: false, reason: 'already_done' };

      const target = (await ideaScopeTarget(m, payload.ideaId))!;
      const assignees = await openAssigneeIds(m, payload.ideaId);
      let type: string;
      let data: Record<string, unknown>;
      let recipients: string[];
      if (action === 'remind') {
        recipients = assignees.length > 0 ? assignees : await peopleWithRoleCovering(m, 'network_member', target);
        type = 'qualification_reminder';
        data = { assigneeIds: recipients, deadline, dueAt: dueAt.toISOString() };
      } else {
        recipients = await peopleWithRoleCovering(m, 'network_lead', target);
        type = 'qualification_escalated';
        data = { leadIds: recipients, assigneeIds: assignees, deadline, dueAt: dueAt.toISOString() };
      }
      await appendIdeaEvents(m, [{ ideaId: payload.ideaId, type, actorId: null, public: false, data }]);
      return { fired: true, eventType: type, recipients };
    });
  }
}
