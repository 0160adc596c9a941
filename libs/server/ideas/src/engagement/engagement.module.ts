import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas/ideas-core.module';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { EngagementController } from './engagement.controller';
import { EngagementRepository } from './engagement.repository';
import { EngagementService } from './engagement.service';
import { MergeService } from './merge.service';

/** Supports, follows, comments with mentions, and merging duplicates (AuditService comes from the global identity modules). */
@Module({
  // For IdeaAccess (the one idea loader) and IdeaCommandHooks (a merge is a lifecycle command like the others).
  imports: [IdeasCoreModule],
  controllers: [EngagementController],
  providers: [EngagementRepository, CommentsRepository, EngagementService, CommentsService, MergeService],
})
export class EngagementModule {}
