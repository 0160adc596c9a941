export { DeadlinesModule } from './deadlines.module';
export { DEADLINE_CLOCK, systemClock, type Clock } from './clock';
export { DeadlineScheduler, DEADLINE_JOB_NAMES, type SyncResult } from './scheduler';
export { DeadlineNotifier, type DeadlineFireResult } from './notifier';
export { deadlinesOf, readAnswerTimeSettings, type IdeaDeadlines } from './deadline-queries';
