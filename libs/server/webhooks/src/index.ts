export * from './entities';
export * from './event-types';
export * from './signature';
export * from './webhook-url';
export * from './webhook-payload';
export * from './webhook-sender';
export * from './webhooks.dto';
export { WebhooksAdminService } from './webhooks-admin.service';
export { WebhooksModule } from './webhooks.module';
