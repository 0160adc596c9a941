import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas/ideas-core.module';
import { ModerationController, ReportsController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';

/** Content reports and the network's moderation queue (AccessService and AuditService are global). */
@Module({
  // For IdeaAccess: a report is checked against what the reporter may read, through the one idea loader.
  imports: [IdeasCoreModule],
  controllers: [ReportsController, ModerationController],
  providers: [ModerationRepository, ModerationService],
})
export class ModerationModule {}
