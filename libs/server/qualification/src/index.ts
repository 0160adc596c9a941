export * from './entities';
export * from './routing';
export * from './deadlines';
export * from './criteria';
export * from './scorecards';
export { QualificationModule } from './qualification.module';
