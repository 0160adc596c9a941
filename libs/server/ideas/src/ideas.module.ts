import { Module } from '@nestjs/common';

/**
 * Ideas: emerge, collect, make visible — problems and solutions, campaigns, the wall. Each sub-module
 * of this context (ideas commands, campaigns, wall/search, engagement, attachments, moderation) is
 * added here, one line each.
 */
@Module({
  imports: [],
})
export class IdeasModule {}
