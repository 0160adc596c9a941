export * from './entities';
export * from './ledger';
export { RecognitionJobsModule, RecognitionModule } from './recognition.module';
export * from './recognition';
export * from './report';
