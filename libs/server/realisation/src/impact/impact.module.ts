import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { ImpactAccess } from './impact-access';
import { ImpactCommandsService } from './impact-commands.service';
import { IdeaImpactController, ImpactController } from './impact.controller';
import { ImpactQueriesService } from './impact-queries.service';
import { ImpactRepository } from './impact.repository';

/** Impact indicators, measurements, validation and roll-ups (docs/realisation.md §4). */
@Module({
  imports: [IdeasCoreModule],
  controllers: [IdeaImpactController, ImpactController],
  providers: [ImpactRepository, ImpactAccess, ImpactCommandsService, ImpactQueriesService],
  exports: [ImpactQueriesService, ImpactRepository],
})
export class ImpactModule {}
