import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { isResumeDue, parkedResumeAt } from '@eclore/domain';
import { OutboxService } from '@eclore/server-platform';
import { IdeaAccess, IdeaCommandHooks, ideaParkingOf, type IdeaCommandApplied } from '@eclore/server-ideas';

const DAY_S = 24 * 60 * 60;
const JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * DAY_S },
  removeOnFail: { age: 30 * DAY_S },
};

/** One job per idea and parking date: parking again with another date schedules another job. */
export const resumeJobId = (ideaId: string, parkedUntil: Date): string => `resume:${ideaId}:${parkedUntil.getTime()}`;

/**
 * Parking an idea asks the worker (through the outbox, in the park's own transaction) to schedule
 * its resume. Registered on the lifecycle's hooks by the api's committee module.
 */
@Injectable()
export class ResumeOnPark implements OnModuleInit {
  constructor(
    private readonly hooks: IdeaCommandHooks,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, applied) => this.onCommand(m, applied));
  }

  async onCommand(m: EntityManager, applied: IdeaCommandApplied): Promise<void> {
    if (applied.command === 'park')
      await this.outbox.append(m, 'committee.schedule_resume', { ideaId: applied.ideaId });
  }
}

export type ResumeResult = { resumed: boolean; reason?: 'not_parked' | 'not_due' | 'moved_on' };

/**
 * The worker side of the system's resume (docs/realisation.md §7): a delayed job at parkedUntil
 * (domain `parkedResumeAt`), which resumes the idea as the system only if it is still parked with
 * that date and the date has passed (`isResumeDue`). An idea resumed by hand, or parked again with
 * a later date (which has its own job), is left alone.
 */
@Injectable()
export class ParkedResumer {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    @InjectQueue('committee') private readonly queue: Queue,
  ) {}

  /** Adds the delayed job for the idea's current parking date (nothing when it is not parked). */
  async schedule(ideaId: string, now = new Date()): Promise<{ jobId: string; delay: number } | null> {
    const parking = await ideaParkingOf(this.ds.manager, ideaId);
    const at = parking ? parkedResumeAt(parking) : null;
    if (!at) return null;
    const jobId = resumeJobId(ideaId, at);
    const delay = Math.max(0, at.getTime() - now.getTime());
    await this.queue.add(
      'committee.resume_parked',
      { ideaId, parkedUntil: at.toISOString() },
      { ...JOB_OPTIONS, jobId, delay },
    );
    return { jobId, delay };
  }

  /** The job fired: resume if still parked with the date it was scheduled for, and that date has passed. */
  async resume(payload: { ideaId: string; parkedUntil: string }, now = new Date()): Promise<ResumeResult> {
    const scheduledFor = new Date(payload.parkedUntil).getTime();
    let reason: ResumeResult['reason'];
    const resumed = await this.ideas.runSystemCommand(payload.ideaId, { type: 'resume' }, now, (state) => {
      if (state.status !== 'parked') reason = 'not_parked';
      else if (state.parkedUntil?.getTime() !== scheduledFor) reason = 'moved_on';
      else if (!isResumeDue(state, now)) reason = 'not_due';
      return reason === undefined;
    });
    return resumed ? { resumed } : { resumed, reason: reason ?? 'not_parked' };
  }
}
