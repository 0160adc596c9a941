import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { QueueModule } from '@eclore/server-platform';
import { TeamModule } from '../team';
import { ExperimentController } from './experiment.controller';
import { ExperimentCommands } from './experiment-commands.service';
import { ExperimentQueries } from './experiment-queries.service';
import { ExperimentReminders } from './experiment-reminders.service';
import { ExperimentRepository } from './experiment.repository';
import { LogBookService } from './log-book.service';

/** The experiment: protocol, hypothesis history, measures, log book, outcome, end-date reminders. */
@Module({
  imports: [IdeasCoreModule, TeamModule, QueueModule],
  controllers: [ExperimentController],
  providers: [ExperimentRepository, ExperimentQueries, ExperimentCommands, LogBookService, ExperimentReminders],
  exports: [ExperimentReminders],
})
export class ExperimentModule {}

/** The worker's side: the reminders' handler needs only the scheduler/firer. */
@Module({
  imports: [QueueModule],
  providers: [ExperimentReminders],
  exports: [ExperimentReminders],
})
export class ExperimentJobsModule {}
