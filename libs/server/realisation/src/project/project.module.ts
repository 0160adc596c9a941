import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { GoLiveService } from './go-live.service';
import { MilestoneCommandsService } from './milestone-commands.service';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectController } from './project.controller';
import { ProjectQueriesService } from './project-queries.service';
import { ProjectRepository } from './project.repository';

/** The implementation project: owner, milestones with version checks, updates, budget, go-live guard. */
@Module({
  imports: [IdeasCoreModule, AuditModule],
  controllers: [ProjectController],
  providers: [
    ProjectRepository,
    ProjectQueriesService,
    ProjectCommandsService,
    MilestoneCommandsService,
    GoLiveService,
  ],
  exports: [ProjectRepository, ProjectCommandsService],
})
export class ProjectModule {}
