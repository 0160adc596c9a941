export * from './errors/domain-error';
export * from './locale';
