export * from './entities';
export { RealisationModule } from './realisation.module';
export * from './field-reviews';
export * from './impact';
export * from './team';
export * from './experiment';
export { projectProgressOf, GoLiveService, MilestoneCommandsService, type PortfolioProgress } from './project';
export { ReplicationService } from './replication';
