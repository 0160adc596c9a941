export * from './entities';
export { RealisationModule } from './realisation.module';
export * from './team';
export * from './experiment';
