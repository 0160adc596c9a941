export * from './ledger.module';
export * from './ledger-recorder.service';
export * from './ledger-replay.service';
export * from './ledger.repository';
