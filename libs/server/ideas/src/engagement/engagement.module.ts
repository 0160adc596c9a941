import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas/ideas-core.module';
import { CommentsService } from './comments.service';
import { EngagementController } from './engagement.controller';
import { EngagementService } from './engagement.service';
import { MergeService } from './merge.service';

/** Supports, follows, comments with mentions, and merging duplicates (AuditService comes from the global identity modules). */
@Module({
  // For IdeaCommandHooks: a merge is a lifecycle command like the others.
  imports: [IdeasCoreModule],
  controllers: [EngagementController],
  providers: [EngagementService, CommentsService, MergeService],
})
export class EngagementModule {}
