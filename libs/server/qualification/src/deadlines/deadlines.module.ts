import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { AnswerTimeSettingsController, IdeaDeadlinesController, LateIdeasController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';

/** The answer-time guarantee's api side; the scheduling runs in the worker (DeadlineScheduler, DeadlineNotifier). */
@Module({
  imports: [AuditModule, IdeasCoreModule],
  controllers: [IdeaDeadlinesController, LateIdeasController, AnswerTimeSettingsController],
  providers: [DeadlinesService, DeadlinesRepository, OutboxService],
})
export class DeadlinesModule {}
