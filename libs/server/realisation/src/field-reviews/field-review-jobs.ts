import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { reviewJobAction, type FieldReviewJob } from '@eclore/domain';
import type { FieldReviewJobPayload } from '@eclore/server-platform';
import { peopleWithRoleCovering } from '@eclore/server-identity';
import { appendIdeaEvents, ideaScopeTarget } from '@eclore/server-ideas';
import { FieldReviewsRepository, type FieldReviewRow } from './field-reviews.repository';

/**
 * What time it is for the return to the field. The scheduler and the job steps read it so an
 * integration test can move time forward; production uses the system clock (FIELD_REVIEW_CLOCK absent).
 */
export interface FieldReviewClock {
  now(): Date;
}
export const FIELD_REVIEW_CLOCK = Symbol('FIELD_REVIEW_CLOCK');
const systemClock: FieldReviewClock = { now: () => new Date() };

const DAY_S = 24 * 60 * 60;
export const FIELD_REVIEW_STEPS: readonly FieldReviewJob[] = ['ask', 'remind', 'report_late'];

/** One id per review and step: adding it twice keeps one job (BullMQ ignores a known id). */
export const fieldReviewJobId = (reviewId: string, step: FieldReviewJob): string => `field-review:${reviewId}:${step}`;

const JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * DAY_S },
  removeOnFail: { age: 30 * DAY_S },
};

const stepAt = (r: FieldReviewRow, step: FieldReviewJob): Date =>
  step === 'ask' ? r.dueAt : step === 'remind' ? r.remindAt : r.lateAt;

/** Keeps a project's delayed review jobs equal to its unanswered reviews' dates. */
@Injectable()
export class FieldReviewScheduler {
  private readonly repo: FieldReviewsRepository;
  private readonly clock: FieldReviewClock;

  constructor(
    private readonly ds: DataSource,
    @InjectQueue('realisation') private readonly queue: Queue,
    @Optional() @Inject(FIELD_REVIEW_CLOCK) clock?: FieldReviewClock,
  ) {
    this.repo = new FieldReviewsRepository(ds);
    this.clock = clock ?? systemClock;
  }

  /** Adds the missing jobs and moves the waiting ones (a date moved); answered reviews lose theirs. */
  async syncProject(projectId: string): Promise<{ added: number; moved: number; removed: number }> {
    const result = { added: 0, moved: 0, removed: 0 };
    const now = this.clock.now().getTime();
    for (const review of await this.repo.ofProject(projectId)) {
      for (const step of FIELD_REVIEW_STEPS) {
        const jobId = fieldReviewJobId(review.id, step);
        const job = await this.queue.getJob(jobId);
        if (review.answeredAt !== null || review.ideaStatus !== 'follow_up') {
          // Nothing left to ask: the job would do nothing when it fires, so it goes now.
          if (job && (await job.isDelayed())) result.removed += await this.queue.remove(jobId).catch(() => 0);
          continue;
        }
        const delay = Math.max(0, stepAt(review, step).getTime() - now);
        if (!job) {
          const data: FieldReviewJobPayload = { reviewId: review.id, step };
          await this.queue.add('realisation.field_review', data, { ...JOB_OPTIONS, jobId, delay });
          result.added += 1;
        } else if (await job.isDelayed()) {
          await job.changeDelay(delay);
          result.moved += 1;
        }
      }
    }
    return result;
  }
}

export type FieldReviewFireResult =
  | { fired: true; eventType: string; recipients: string[] }
  | { fired: false; reason: 'gone' | 'idea_moved_on' | 'not_due' | 'answered' | 'already_done' };

const EVENT_OF_STEP: Readonly<Record<FieldReviewJob, string>> = {
  ask: 'field_review_asked',
  remind: 'field_review_reminder',
  report_late: 'field_review_late',
};

/**
 * What a review job does when it fires: re-read the review under its row lock, act only if the
 * domain says the step is still due (unanswered, its date reached) and the idea is still followed
 * up, at most once (the step's marker column), and append the private idea event the notifications
 * pipeline turns into in-app notifications and e-mails. The asked people are named only in the
 * event's data, which no response shows; an anonymous author is asked like the others.
 */
@Injectable()
export class FieldReviewNotifier {
  private readonly repo: FieldReviewsRepository;
  private readonly clock: FieldReviewClock;

  constructor(
    private readonly ds: DataSource,
    @Optional() @Inject(FIELD_REVIEW_CLOCK) clock?: FieldReviewClock,
  ) {
    this.repo = new FieldReviewsRepository(ds);
    this.clock = clock ?? systemClock;
  }

  fire(payload: FieldReviewJobPayload, _job?: Pick<Job, 'name' | 'id'>): Promise<FieldReviewFireResult> {
    return this.ds.transaction((m) => this.fireIn(m, payload.reviewId, payload.step));
  }

  async fireIn(m: EntityManager, reviewId: string, step: FieldReviewJob): Promise<FieldReviewFireResult> {
    const review = await this.repo.find(reviewId, m, true);
    if (!review) return { fired: false, reason: 'gone' };
    if (review.answeredAt !== null) return { fired: false, reason: 'answered' };
    if (review.ideaStatus !== 'follow_up') return { fired: false, reason: 'idea_moved_on' };
    const now = this.clock.now();
    if (!reviewJobAction(step, review, now)) return { fired: false, reason: 'not_due' };
    if (!(await this.repo.markStep(reviewId, step, now, m))) return { fired: false, reason: 'already_done' };

    const facts = {
      reviewId,
      ordinal: review.ordinal,
      monthsAfterGoLive: review.monthsAfterGoLive,
      dueAt: review.dueAt.toISOString(),
    };
    let data: Record<string, unknown>;
    let recipients: string[];
    if (step === 'report_late') {
      const target = (await ideaScopeTarget(m, review.ideaId)) ?? { orgUnitPath: [], themes: [] };
      recipients = await peopleWithRoleCovering(m, 'network_member', target);
      data = { ...facts, networkIds: recipients };
    } else {
      recipients = await this.repo.askedPeople(review.ideaId, review.ownerId, m);
      data = { ...facts, recipientIds: recipients };
    }
    const type = EVENT_OF_STEP[step];
    await appendIdeaEvents(m, [{ ideaId: review.ideaId, type, actorId: null, public: false, data }]);
    return { fired: true, eventType: type, recipients };
  }
}
