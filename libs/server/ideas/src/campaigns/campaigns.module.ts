import { Module } from '@nestjs/common';
import { CampaignCommands } from './campaign-commands.service';
import { CampaignQueries } from './campaign-queries.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';

/** Campaigns (appels à idées); AccessService and AuditService come from the global identity modules. */
@Module({
  controllers: [CampaignsController],
  providers: [CampaignsRepository, CampaignQueries, CampaignCommands],
  exports: [CampaignQueries, CampaignCommands],
})
export class CampaignsModule {}
