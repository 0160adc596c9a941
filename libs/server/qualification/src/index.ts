export * from './entities';
export { QualificationModule } from './qualification.module';
