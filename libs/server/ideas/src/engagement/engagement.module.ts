import { Module } from '@nestjs/common';
import { CommentsService } from './comments.service';
import { EngagementController } from './engagement.controller';
import { EngagementService } from './engagement.service';
import { MergeService } from './merge.service';

/** Supports, follows, comments with mentions, and merging duplicates (AuditService comes from the global identity modules). */
@Module({
  controllers: [EngagementController],
  providers: [EngagementService, CommentsService, MergeService],
})
export class EngagementModule {}
