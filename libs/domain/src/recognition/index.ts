export * from './ledger';
export * from './credit';
export * from './recognition';
export * from './report-figures';
export * from './charter';
export * from './suppression';
export * from './spreadsheet';
export * from './labels';
