export * from './entities';
export * from './ideas.module';
export * from './ideas';
export { follow, unfollow } from './engagement';
export { appendIdeaEvents, type NewIdeaEvent } from './engagement/events';
export * from './attachments';
export { WALL_CHANGED_CHANNEL, WallModule, WallPageCache, WallService } from './wall';
