export { CampaignsModule } from './campaigns.module';
export { CampaignsService } from './campaigns.service';
