export * from './entities';
export * from './ideas.module';
export * from './ideas';
export { follow, unfollow } from './engagement';
export { appendIdeaEvents, type NewIdeaEvent } from './engagement/events';
export * from './attachments';
export { WallModule, WallService } from './wall';
