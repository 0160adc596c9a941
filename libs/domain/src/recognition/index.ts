export * from './ledger';
export * from './credit';
export * from './recognition';
