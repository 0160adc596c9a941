export * from './entities';
export * from './ideas.module';
