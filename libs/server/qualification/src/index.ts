export * from './entities';
export * from './routing';
export * from './deadlines';
export { QualificationModule } from './qualification.module';
