// The test harness without HTTP: data source, factories. The API context (which loads the whole
// application) and the service context are separate entry points, so a test pays only for what it uses.
export * from './data-source';
export * from './factories';
export * from './realisation';
export * from './recognition';
export * from './http';
export * from './refusal';
