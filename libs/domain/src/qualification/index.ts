export * from './criteria';
export * from './consolidation';
export * from './deadlines';
export * from './routing';
