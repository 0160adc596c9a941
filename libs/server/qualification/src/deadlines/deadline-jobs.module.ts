import { Module } from '@nestjs/common';
import { QueueModule } from '@eclore/server-platform';
import { DeadlineNotifier } from './notifier';
import { DeadlineScheduler } from './scheduler';

/**
 * The answer-time guarantee's worker side as providers, injected by the worker's job handlers.
 * DEADLINE_CLOCK is optional (absent = the system clock).
 */
@Module({
  imports: [QueueModule],
  providers: [DeadlineScheduler, DeadlineNotifier],
  exports: [DeadlineScheduler, DeadlineNotifier],
})
export class DeadlineJobsModule {}
