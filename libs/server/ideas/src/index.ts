export * from './entities';
export * from './ideas.module';
export * from './ideas';
export { follow, unfollow } from './engagement';
export { appendIdeaEvents, type NewIdeaEvent } from './engagement/events';
export { mentionIds, renderMentions, MAX_MENTIONS } from './engagement/mentions';
export * from './attachments';
export { WALL_CHANGED_CHANNEL, WallModule, WallPageCache, WallService } from './wall';
export * from './ideas/idea.reads';
