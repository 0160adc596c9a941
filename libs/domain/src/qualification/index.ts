export * from './deadlines';
export * from './routing';
