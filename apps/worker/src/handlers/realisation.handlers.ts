import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import { ParkedResumer, type ResumeResult } from '@eclore/server-committee';
import {
  ExperimentReminders,
  type FieldReviewFireResult,
  FieldReviewNotifier,
  FieldReviewScheduler,
  type ReminderFireResult,
} from '@eclore/server-realisation';

/**
 * The stages after the decision in the worker (docs/realisation.md): the return to the field's
 * delayed reviews (§5) and the system's resume of a parked idea (§7). Every delayed job re-checks
 * the state when it fires.
 */

/** After go-live, an answer or the test clock: the project's review jobs are added or moved. */
@HandlesJob('realisation.schedule_field_reviews')
@Injectable()
export class RealisationScheduleFieldReviewsHandler implements JobHandler<'realisation.schedule_field_reviews'> {
  constructor(private readonly scheduler: FieldReviewScheduler) {}

  handle(payload: JobPayloads['realisation.schedule_field_reviews']) {
    return this.scheduler.syncProject(payload.projectId);
  }
}

/** A review step at its date: ask, remind once, report late once (nothing on an answered review). */
@HandlesJob('realisation.field_review')
@Injectable()
export class RealisationFieldReviewHandler implements JobHandler<'realisation.field_review'> {
  constructor(private readonly notifier: FieldReviewNotifier) {}

  handle(
    payload: JobPayloads['realisation.field_review'],
    job: Job<JobPayloads['realisation.field_review']>,
  ): Promise<FieldReviewFireResult> {
    return this.notifier.fire(payload, job);
  }
}

/** After a park: the delayed resume at parkedUntil. */
@HandlesJob('committee.schedule_resume')
@Injectable()
export class CommitteeScheduleResumeHandler implements JobHandler<'committee.schedule_resume'> {
  constructor(private readonly resumer: ParkedResumer) {}

  handle(payload: JobPayloads['committee.schedule_resume']) {
    return this.resumer.schedule(payload.ideaId);
  }
}

/** At parkedUntil: resumes the idea as the system if it is still parked with that date. */
@HandlesJob('committee.resume_parked')
@Injectable()
export class CommitteeResumeParkedHandler implements JobHandler<'committee.resume_parked'> {
  constructor(private readonly resumer: ParkedResumer) {}

  handle(payload: JobPayloads['committee.resume_parked']): Promise<ResumeResult> {
    return this.resumer.resume(payload);
  }
}

/** Fires at an experiment's end-date reminder: tells the lead or the network if it still applies. */
@HandlesJob('realisation.experiment_reminder')
@Injectable()
export class RealisationExperimentReminderHandler implements JobHandler<'realisation.experiment_reminder'> {
  constructor(private readonly reminders: ExperimentReminders) {}

  handle(payload: JobPayloads['realisation.experiment_reminder']): Promise<ReminderFireResult> {
    return this.reminders.fire(payload);
  }
}
