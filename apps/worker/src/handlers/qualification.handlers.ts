import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import {
  DeadlineNotifier,
  DeadlineScheduler,
  type DeadlineFireResult,
  type SyncResult,
} from '@eclore/server-qualification';

/**
 * The answer-time guarantee in the worker (docs/qualification.md). Scheduling follows every idea
 * event; the delayed reminder and escalation jobs re-check the idea when they fire. The scheduler
 * and notifier come from DeadlineJobsModule (their clock is the system's unless DEADLINE_CLOCK is provided).
 */

/** After any idea event: the idea's delayed deadline jobs are added, moved or removed to match its state. */
@HandlesJob('qualification.schedule_deadlines')
@Injectable()
export class QualificationScheduleDeadlinesHandler implements JobHandler<'qualification.schedule_deadlines'> {
  constructor(
    private readonly ds: DataSource,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  async handle(payload: JobPayloads['qualification.schedule_deadlines']): Promise<SyncResult | { skipped: true }> {
    const rows: { idea_id: string }[] = await this.ds.query('SELECT idea_id FROM idea_event WHERE id = $1', [
      payload.ideaEventId,
    ]);
    // The event went with its idea (deleted): the cascade removed its deadline rows too.
    if (rows.length === 0) return { skipped: true };
    return this.scheduler.syncIdea(rows[0]!.idea_id);
  }
}

/** After the settings changed: every idea's deadline jobs follow the new days. */
@HandlesJob('qualification.reschedule_deadlines')
@Injectable()
export class QualificationRescheduleDeadlinesHandler implements JobHandler<'qualification.reschedule_deadlines'> {
  constructor(private readonly scheduler: DeadlineScheduler) {}

  handle(): Promise<SyncResult> {
    return this.scheduler.syncAll();
  }
}

/** Fires `remindBeforeDays` before a due date: reminds the open assignees if the deadline still applies. */
@HandlesJob('qualification.deadline_reminder')
@Injectable()
export class QualificationDeadlineReminderHandler implements JobHandler<'qualification.deadline_reminder'> {
  constructor(private readonly notifier: DeadlineNotifier) {}

  handle(
    payload: JobPayloads['qualification.deadline_reminder'],
    job: Job<JobPayloads['qualification.deadline_reminder']>,
  ): Promise<DeadlineFireResult> {
    return this.notifier.fire('remind', payload, job);
  }
}

/** Fires at a due date: tells the network lead(s) in scope if the deadline still applies. */
@HandlesJob('qualification.deadline_escalation')
@Injectable()
export class QualificationDeadlineEscalationHandler implements JobHandler<'qualification.deadline_escalation'> {
  constructor(private readonly notifier: DeadlineNotifier) {}

  handle(
    payload: JobPayloads['qualification.deadline_escalation'],
    job: Job<JobPayloads['qualification.deadline_escalation']>,
  ): Promise<DeadlineFireResult> {
    return this.notifier.fire('escalate', payload, job);
  }
}
