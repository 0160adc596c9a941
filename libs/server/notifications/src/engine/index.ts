export * from './dispatcher';
export * from './sender';
export * from './digest';
export * from './announcement';
export * from './role-request';
export * from './email-queue';
export * from './engine.module';
