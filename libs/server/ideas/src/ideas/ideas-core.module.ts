import { Module } from '@nestjs/common';
import { IdeaAuditConcealment } from './audit-concealment';
import { AuthorReveal } from './author-reveal.service';
import { IdeaAccess } from './idea-access.service';
import { IdeaChecks } from './idea-checks';
import { IdeaCommandHooks } from './idea-command-hooks';
import { IdeaRelations } from './idea-relations';
import { IdeaDrafting } from './idea-drafting.service';
import { IdeaIntake } from './idea-intake.service';
import { IdeaQueries } from './idea-queries.service';
import { IntakeController, MyIdeasController, ThemesController } from './idea-lists.controller';
import { IdeasController } from './ideas.controller';
import { IdeaLifecycleController } from './idea-lifecycle.controller';
import { IdeaLifecycle } from './idea-lifecycle.service';
import { IdeasRepository } from './ideas.repository';
import { SimilarIdeasController } from './similar-ideas.controller';

/** Emerge and collect: drafts, co-authors, capture, submission, intake, the idea page, similar ideas, the guardian's reveal. */
@Module({
  // Nest registers a module's controllers in this order: the static `ideas/similar` before `ideas/:id`.
  controllers: [
    SimilarIdeasController,
    IdeasController,
    ThemesController,
    MyIdeasController,
    IntakeController,
    IdeaLifecycleController,
  ],
  // AccessService and AuditService come from global modules.
  providers: [
    IdeasRepository,
    IdeaAccess,
    IdeaCommandHooks,
    IdeaRelations,
    IdeaAuditConcealment,
    IdeaChecks,
    IdeaDrafting,
    IdeaIntake,
    IdeaQueries,
    AuthorReveal,
    IdeaLifecycle,
  ],
  exports: [IdeaAccess, IdeaCommandHooks, IdeaRelations, IdeasRepository],
})
export class IdeasCoreModule {}
