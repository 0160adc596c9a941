export { ProjectModule } from './project.module';
export { ProjectRepository } from './project.repository';
export { projectFigures, planPoints, type ProjectFigures } from './project-figures';
export * from './project.dto';
export { projectProgressOf, type PortfolioProgress } from './portfolio-progress.source';
export { GoLiveService } from './go-live.service';
export { MilestoneCommandsService } from './milestone-commands.service';
