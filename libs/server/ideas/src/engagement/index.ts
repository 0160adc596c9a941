export { EngagementModule } from './engagement.module';
export { follow, unfollow } from './counters';
