import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { NotificationsAdminController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { AnnouncementsController } from '../announcements/announcements.controller';
import { AnnouncementsService } from '../announcements/announcements.service';

/**
 * Notifications in the api: the centre, preferences, unsubscribe links, admin defaults and
 * deliveries, and campaign announcements.
 */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController, NotificationsAdminController, AnnouncementsController],
  providers: [NotificationsService, AnnouncementsService, OutboxService],
})
export class NotificationsModule {}
