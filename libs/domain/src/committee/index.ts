export * from './session';
export * from './minutes';
