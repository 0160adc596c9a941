import { Module } from '@nestjs/common';
import { QueueModule } from '@eclore/server-platform';
import { FieldReviewNotifier, FieldReviewScheduler } from './field-review-jobs';

/** The return to the field's worker side: the scheduler and the job steps (FIELD_REVIEW_CLOCK optional). */
@Module({
  imports: [QueueModule],
  providers: [FieldReviewScheduler, FieldReviewNotifier],
  exports: [FieldReviewScheduler, FieldReviewNotifier],
})
export class FieldReviewJobsModule {}
