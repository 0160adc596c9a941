export * from './errors/domain-error';
export * from './locale';
export * from './access/roles';
export * from './access/policy';
export * from './ideas';
export * from './notifications';
export * from './qualification';
export * from './committee';
