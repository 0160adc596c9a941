import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export { WebhookDelivery, WebhookSubscription };
export { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from './webhook-delivery.entity';

export const WEBHOOKS_ENTITIES = [WebhookSubscription, WebhookDelivery];
