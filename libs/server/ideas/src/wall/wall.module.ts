import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas/ideas-core.module';
import { IdeaLinks } from './idea-links.service';
import { IdeaLinksController, WallController } from './wall.controller';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

/** Make visible: the wall (search, filters, sorts), links between ideas. */
@Module({
  // For IdeaAccess (links load the idea through the one loader); AuditService comes from the global AuditModule.
  imports: [IdeasCoreModule],
  controllers: [WallController, IdeaLinksController],
  providers: [WallRepository, WallService, IdeaLinks, WallPageCache],
  exports: [WallService, WallPageCache],
})
export class WallModule {}
