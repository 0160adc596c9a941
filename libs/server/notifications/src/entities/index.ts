import { Notification } from './notification.entity';
import { CampaignAnnouncement } from './announcement.entity';
import { NotificationDefault, NotificationPreference } from './preference.entity';
import { NotificationDelivery, NotificationDeliveryItem, NotificationSigningKey } from './delivery.entity';

export * from './notification.entity';
export * from './preference.entity';
export * from './delivery.entity';
export * from './announcement.entity';

export const NOTIFICATIONS_ENTITIES = [
  Notification,
  NotificationPreference,
  NotificationDefault,
  NotificationDelivery,
  NotificationDeliveryItem,
  NotificationSigningKey,
  CampaignAnnouncement,
];
