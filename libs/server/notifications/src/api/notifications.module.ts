import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { NotificationsAdminController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Notifications in the api: the centre, preferences, unsubscribe links, admin defaults and deliveries. */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController, NotificationsAdminController],
  providers: [NotificationsService, OutboxService],
})
export class NotificationsModule {}
