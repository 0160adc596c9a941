export * from './ledger';
export * from './credit';
