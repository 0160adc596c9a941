import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { IdeasCoreModule } from '@eclore/server-ideas';
import {
  FieldReviewSettingsController,
  FieldReviewsController,
  IdeaFieldReviewsController,
} from './field-reviews.controller';
import { FieldReviewHooks } from './field-review-hooks';
import { FieldReviewTestClock } from './field-review-test-clock.service';
import { FieldReviewsCommands } from './field-reviews-commands.service';
import { FieldReviewsQueries } from './field-reviews-queries.service';
import { FieldReviewsRepository } from './field-reviews.repository';

/** The return to the field (docs/realisation.md §5) in the api; its jobs are in FieldReviewJobsModule. */
@Module({
  imports: [IdeasCoreModule],
  controllers: [IdeaFieldReviewsController, FieldReviewsController, FieldReviewSettingsController],
  providers: [
    OutboxService,
    FieldReviewsRepository,
    FieldReviewHooks,
    FieldReviewsCommands,
    FieldReviewsQueries,
    FieldReviewTestClock,
  ],
  exports: [FieldReviewsRepository, FieldReviewHooks],
})
export class FieldReviewsModule {}
