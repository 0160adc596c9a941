import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { AuditModule } from '@eclore/server-identity';
import { WebhookDeliveriesAdminController, WebhooksAdminController } from './admin.controller';
import { WebhooksAdminService } from './admin.service';

/** Outgoing webhooks: the admin API. Dispatch and delivery run in the worker (WebhookSender). */
@Module({
  imports: [AuditModule],
  controllers: [WebhooksAdminController, WebhookDeliveriesAdminController],
  providers: [WebhooksAdminService, OutboxService],
})
export class WebhooksModule {}
