import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { PortfolioModule } from '@eclore/server-committee';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { PortfolioProgressRegistration } from './portfolio-progress.source';
import { GoLiveService } from './go-live.service';
import { MilestoneCommandsService } from './milestone-commands.service';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectController } from './project.controller';
import { ProjectQueriesService } from './project-queries.service';
import { ProjectRepository } from './project.repository';

/** The implementation project: owner, milestones with version checks, updates, budget, go-live guard. */
@Module({
  // The portfolio board (committee) shows the projects' progress: realisation depends on committee, never the reverse.
  imports: [IdeasCoreModule, AuditModule, PortfolioModule],
  controllers: [ProjectController],
  providers: [
    ProjectRepository,
    ProjectQueriesService,
    ProjectCommandsService,
    MilestoneCommandsService,
    GoLiveService,
    PortfolioProgressRegistration,
  ],
  exports: [ProjectRepository, ProjectCommandsService],
})
export class ProjectModule {}
