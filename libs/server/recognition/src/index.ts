export * from './entities';
export * from './ledger';
export { RecognitionJobsModule, RecognitionModule } from './recognition.module';
export * from './recognition';
export * from './report';
export * from './annual-report';
export { CharterModule } from './charter/charter.module';
