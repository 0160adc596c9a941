export { FieldReviewsModule } from './field-reviews.module';
export { FieldReviewJobsModule } from './field-review-jobs.module';
export {
  FIELD_REVIEW_CLOCK,
  FieldReviewNotifier,
  FieldReviewScheduler,
  fieldReviewJobId,
  type FieldReviewClock,
  type FieldReviewFireResult,
} from './field-review-jobs';
export { FieldReviewHooks, FieldReviewPending } from './field-review-hooks';
export { FieldReviewsRepository, type FieldReviewRow } from './field-reviews.repository';
export * from './field-reviews.dto';
