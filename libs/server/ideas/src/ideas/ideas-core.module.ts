import { Module } from '@nestjs/common';
import { IdeaAccess } from './idea-access.service';
import { IdeasController } from './ideas.controller';
import { IdeasService } from './ideas.service';

/** Emerge and collect: drafts, co-authors, capture, submission, intake, the idea page, the guardian's reveal. */
@Module({
  controllers: [IdeasController],
  // AccessService and AuditService come from global modules.
  providers: [IdeasService, IdeaAccess],
  exports: [IdeaAccess],
})
export class IdeasCoreModule {}
