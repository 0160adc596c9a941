import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { AnnouncementsController } from './announcements/announcements.controller';
import { AnnouncementsRepository } from './announcements/announcements.repository';
import { AnnouncementsService } from './announcements/announcements.service';
import { NotificationsController } from './centre/centre.controller';
import { CentreRepository } from './centre/centre.repository';
import { NotificationCentreService } from './centre/centre.service';
import { NotificationDeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesAdminRepository } from './deliveries/deliveries.repository';
import { DeliveriesAdminService } from './deliveries/deliveries.service';
import { MyNotificationPreferencesController, NotificationDefaultsController } from './preferences/preferences.controller';
import { PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesService } from './preferences/preferences.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeRepository } from './unsubscribe/unsubscribe.repository';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';

/**
 * Notifications in the api: the centre, preferences, unsubscribe links, admin defaults and
 * deliveries, and campaign announcements. (The worker's side is NotificationsEngineModule.)
 */
@Module({
  imports: [AuditModule],
  // In this order, the OpenAPI document lists the routes as it always has.
  controllers: [
    NotificationsController,
    MyNotificationPreferencesController,
    NotificationDefaultsController,
    NotificationDeliveriesController,
    AnnouncementsController,
    UnsubscribeController,
  ],
  providers: [
    CentreRepository,
    NotificationCentreService,
    PreferencesRepository,
    PreferencesService,
    DeliveriesAdminRepository,
    DeliveriesAdminService,
    AnnouncementsRepository,
    AnnouncementsService,
    UnsubscribeRepository,
    UnsubscribeService,
    OutboxService,
  ],
})
export class NotificationsModule {}
