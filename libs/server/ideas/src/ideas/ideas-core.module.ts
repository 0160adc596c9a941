import { Module } from '@nestjs/common';
import { IdeaAuditConcealment } from './audit-concealment';
import { IdeaAccess } from './idea-access.service';
import { IdeaCommandHooks } from './idea-command-hooks';
import { IdeasController } from './ideas.controller';
import { IdeasService } from './ideas.service';

/** Emerge and collect: drafts, co-authors, capture, submission, intake, the idea page, the guardian's reveal. */
@Module({
  controllers: [IdeasController],
  // AccessService and AuditService come from global modules.
  providers: [IdeasService, IdeaAccess, IdeaCommandHooks, IdeaAuditConcealment],
  exports: [IdeaAccess, IdeaCommandHooks],
})
export class IdeasCoreModule {}
