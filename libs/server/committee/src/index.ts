export * from './entities';
export { CommitteeModule } from './committee.module';
export * from './portfolio';
export * from './resume';
