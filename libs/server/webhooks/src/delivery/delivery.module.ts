import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@eclore/server-platform';
import { parseWebhookAllowList } from './webhook-address';
import { WebhookSender } from './webhook-sender';

/**
 * The worker's side of outgoing webhooks: one WebhookSender for the dispatch and deliver handlers,
 * reaching only the receivers WEBHOOK_ALLOWED_HOSTS allows. (The class stays plain: tests build it
 * with `new` and their own resolver.)
 */
@Module({
  providers: [
    {
      provide: WebhookSender,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (ds: DataSource, config: AppConfig) =>
        new WebhookSender(ds, { publicUrl: config.PUBLIC_URL, policy: parseWebhookAllowList(config.WEBHOOK_ALLOWED_HOSTS) }),
    },
  ],
  exports: [WebhookSender],
})
export class WebhooksWorkerModule {}
