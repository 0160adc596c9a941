import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { plannedDeadlineJobs, type DeadlineAction, type PlannedDeadlineJob } from '@eclore/domain';
import type { DeadlineJobPayload, JobName } from '@eclore/server-platform';
import { DEADLINE_CLOCK, systemClock, type Clock } from './clock';
import { loadDeadlines } from './deadline-queries';
import { DeadlinesRepository, readAnswerTimeSettings } from './deadlines.repository';

const DAY_S = 24 * 60 * 60;

export const DEADLINE_JOB_NAMES: Readonly<Record<DeadlineAction, JobName>> = {
  remind: 'qualification.deadline_reminder',
  escalate: 'qualification.deadline_escalation',
};

/** Kept after they ran for a while (inspectable), retried on database hiccups. */
const DEADLINE_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * DAY_S },
  removeOnFail: { age: 30 * DAY_S },
};

export interface SyncResult {
  added: number;
  moved: number;
  removed: number;
}

const ZERO: SyncResult = { added: 0, moved: 0, removed: 0 };
const sum = (a: SyncResult, b: SyncResult): SyncResult => ({
  added: a.added + b.added,
  moved: a.moved + b.moved,
  removed: a.removed + b.removed,
});

/**
 * Keeps each idea's delayed reminder and escalation jobs equal to what its state calls for now.
 * The table `deadline_job` remembers which job ids were scheduled for an idea; a sync diffs it
 * against the domain's plan: unplanned jobs are removed from the queue, new ones added with their
 * deterministic id, and jobs still waiting get their delay recomputed (the settings or the clock may
 * have moved). One sync per idea at a time (advisory lock); a job that fires re-checks the state.
 */
@Injectable()
export class DeadlineScheduler {
  private readonly repo: DeadlinesRepository;
  private readonly clock: Clock;

  // Injectable (DeadlineJobsModule) and still constructible by hand: the worker's handlers build it.
  constructor(
    private readonly ds: DataSource,
    @InjectQueue('qualification') private readonly queue: Queue,
    @Optional() @Inject(DEADLINE_CLOCK) clock?: Clock,
  ) {
    this.repo = new DeadlinesRepository(ds);
    this.clock = clock ?? systemClock;
  }

  async syncIdea(ideaId: string): Promise<SyncResult> {
    return this.ds.transaction(async (m) => {
      await this.repo.lockIdeaSync(ideaId, m);
      const settings = await readAnswerTimeSettings(m);
      const deadlines = (await loadDeadlines(m, [ideaId], settings)).get(ideaId) ?? [];
      return this.apply(m, ideaId, plannedDeadlineJobs(ideaId, deadlines, this.clock.now()));
    });
  }

  /** Every idea that has a deadline now or jobs from before (after a settings change). */
  async syncAll(): Promise<SyncResult> {
    let total = ZERO;
    for (const id of await this.repo.ideasToSync()) total = sum(total, await this.syncIdea(id));
    return total;
  }

  private async apply(m: EntityManager, ideaId: string, planned: readonly PlannedDeadlineJob[]): Promise<SyncResult> {
    const result = { ...ZERO };
    const existing = new Map((await this.repo.jobsOf(ideaId, m)).map((r) => [r.jobId, r]));
    const plannedIds = planned.map((p) => p.jobId);
    for (const row of existing.values()) {
      if (plannedIds.includes(row.jobId)) continue;
      // Removes it whatever its state (waiting, delayed, done); a job running right now re-checks the state itself.
      result.removed += await this.queue.remove(row.jobId).catch(() => 0);
    }
    await this.repo.deleteJobsExcept(ideaId, plannedIds, m);

    const now = this.clock.now().getTime();
    for (const p of planned) {
      const delay = Math.max(0, p.fireAt.getTime() - now);
      const row = existing.get(p.jobId);
      if (!row) {
        const data: DeadlineJobPayload = { ideaId, deadline: p.deadline, dueAt: p.dueAt.toISOString() };
        await this.queue.add(DEADLINE_JOB_NAMES[p.action], data, { ...DEADLINE_JOB_OPTIONS, jobId: p.jobId, delay });
        await this.repo.insertJob(
          { jobId: p.jobId, ideaId, action: p.action, deadline: p.deadline, dueAt: p.dueAt, fireAt: p.fireAt },
          m,
        );
        result.added += 1;
        continue;
      }
      // Same id = same due date; the fire time may differ (remind days changed) and "now" may have moved.
      const job = await this.queue.getJob(p.jobId);
      if (job && (await job.isDelayed())) {
        await job.changeDelay(delay);
        result.moved += 1;
      }
      if (row.fireAt.getTime() !== p.fireAt.getTime()) await this.repo.moveJob(p.jobId, p.fireAt, m);
    }
    return result;
  }
}
