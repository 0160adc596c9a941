export { DeadlinesModule } from './deadlines.module';
export { DEADLINE_CLOCK, systemClock, type Clock } from './clock';
export { DeadlineScheduler, DEADLINE_JOB_NAMES, type SyncResult } from './scheduler';
export { DeadlineNotifier, type DeadlineFireResult } from './notifier';
export { deadlinesOf, type IdeaDeadlines } from './deadline-queries';
export { readAnswerTimeSettings } from './deadlines.repository';
export { DeadlineJobsModule } from './deadline-jobs.module';
