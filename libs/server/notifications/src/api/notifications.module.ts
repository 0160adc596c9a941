import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { NotificationsAdminController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { AnnouncementsController } from '../announcements/announcements.controller';
import { AnnouncementsService } from '../announcements/announcements.service';
import { UnsubscribeController } from '../unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from '../unsubscribe/unsubscribe.service';

/**
 * Notifications in the api: the centre, preferences, unsubscribe links, admin defaults and
 * deliveries, and campaign announcements.
 */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController, NotificationsAdminController, AnnouncementsController, UnsubscribeController],
  providers: [NotificationsService, AnnouncementsService, UnsubscribeService, OutboxService],
})
export class NotificationsModule {}
