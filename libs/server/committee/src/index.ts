export * from './entities';
export { CommitteeModule } from './committee.module';
export * from './portfolio';
