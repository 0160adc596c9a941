import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { NotificationsAdminController, NotificationsController } from './notifications.controller';
import { AnnouncementsController } from '../announcements/announcements.controller';
import { AnnouncementsRepository } from '../announcements/announcements.repository';
import { AnnouncementsService } from '../announcements/announcements.service';
import { CentreRepository } from '../centre/centre.repository';
import { NotificationCentreService } from '../centre/centre.service';
import { DeliveriesAdminRepository } from '../deliveries/deliveries.repository';
import { DeliveriesAdminService } from '../deliveries/deliveries.service';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { PreferencesService } from '../preferences/preferences.service';
import { UnsubscribeController } from '../unsubscribe/unsubscribe.controller';
import { UnsubscribeRepository } from '../unsubscribe/unsubscribe.repository';
import { UnsubscribeService } from '../unsubscribe/unsubscribe.service';

/**
 * Notifications in the api: the centre, preferences, unsubscribe links, admin defaults and
 * deliveries, and campaign announcements.
 */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController, NotificationsAdminController, AnnouncementsController, UnsubscribeController],
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
