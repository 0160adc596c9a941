import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas/ideas-core.module';
import { IdeaLinks } from './idea-links.service';
import { IdeaLinksController, SimilarIdeasController, WallController } from './wall.controller';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

/** Make visible: the wall (search, filters, sorts), similar ideas while typing, links between ideas. */
@Module({
  // For IdeaAccess (links load the idea through the one loader); AuditService comes from the global AuditModule.
  imports: [IdeasCoreModule],
  // SimilarIdeasController before any `ideas/:id` route: this module is imported first (IdeasModule).
  controllers: [WallController, SimilarIdeasController, IdeaLinksController],
  providers: [WallRepository, WallService, IdeaLinks, WallPageCache],
  exports: [WallService, WallPageCache],
})
export class WallModule {}
