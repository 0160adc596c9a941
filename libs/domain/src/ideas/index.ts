export * from './idea';
export * from './transitions';
export * from './idea-policy';
export * from './timeline';
export * from './lifecycle-doc';
export * from './campaign';
export * from './portfolio';
export * from './wall';
