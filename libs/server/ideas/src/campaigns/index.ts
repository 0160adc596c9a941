export { CampaignsModule } from './campaigns.module';
export { CampaignCommands } from './campaign-commands.service';
export { CampaignQueries } from './campaign-queries.service';
