import { Module, type OnModuleInit } from '@nestjs/common';
import { IdeaRelations, IdeasCoreModule } from '@eclore/server-ideas';
import { realisationRelations } from './idea-relations.source';
import { TeamModule } from './team';
import { ExperimentModule } from './experiment';
import { ProjectModule } from './project';
import { ReplicationModule } from './replication';
import { ImpactModule } from './impact';
import { FieldReviewsModule } from './field-reviews';

/**
 * After the committee's decision: the idea team, the experiment and its log book, the
 * implementation project, impact, the return to the field and replication (docs/realisation.md).
 * Each feature is a submodule imported here.
 */
@Module({
  imports: [
    IdeasCoreModule,
    TeamModule,
    ExperimentModule,
    ProjectModule,
    ReplicationModule,
    ImpactModule,
    FieldReviewsModule,
  ],
})
export class RealisationModule implements OnModuleInit {
  constructor(private readonly relations: IdeaRelations) {}

  onModuleInit(): void {
    // The one idea loader learns who is in an idea's team and who owns its project.
    this.relations.register(realisationRelations);
  }
}
