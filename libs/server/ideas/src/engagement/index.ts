export { EngagementModule } from './engagement.module';
export { CommentsService } from './comments.service';
export { follow, unfollow } from './counters';
