import { Module } from '@nestjs/common';
import { DeadlineNotifier } from './notifier';
import { DeadlineScheduler } from './scheduler';

/**
 * The answer-time guarantee's worker side as providers: whoever imports it must have the
 * 'qualification' queue registered (the worker's QueueModule) and may provide DEADLINE_CLOCK.
 */
@Module({
  providers: [DeadlineScheduler, DeadlineNotifier],
  exports: [DeadlineScheduler, DeadlineNotifier],
})
export class DeadlineJobsModule {}
