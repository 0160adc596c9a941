import { Module } from '@nestjs/common';
import { WallModule } from './wall';
import { IdeasCoreModule } from './ideas/ideas-core.module';
import { EngagementModule } from './engagement';
import { ModerationModule } from './moderation';
import { AttachmentsModule } from './attachments';
import { CampaignsModule } from './campaigns';

/**
 * Ideas: emerge, collect, make visible — problems and solutions, campaigns, the wall. Each sub-module
 * of this context (ideas commands, campaigns, wall/search, engagement, attachments, moderation) is
 * added here, one line each.
 */
@Module({
  imports: [WallModule, IdeasCoreModule, EngagementModule, ModerationModule, AttachmentsModule, CampaignsModule],
})
export class IdeasModule {}
