import { Body, Get, Post, Query } from '@nestjs/common';
import { Endpoint } from '@eclore/server-platform';
import { CallOn } from '@eclore/server-identity';
import { DeliveryPageDto, DigestRunDto, ListNotificationDeliveriesQuery, RunDigestInput } from './deliveries.dto';
import { DeliveriesAdminService } from './deliveries.service';
import { AdminApiController } from '../notifications.api';

@AdminApiController('admin')
export class NotificationDeliveriesController {
  constructor(private readonly deliveries: DeliveriesAdminService) {}

  @Get('deliveries')
  @Endpoint({
    operationId: 'listNotificationDeliveries',
    summary: 'Notification e-mails, newest first; `status=failed` for those needing attention.',
    ok: DeliveryPageDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Unknown `status` or bad `cursor`.' },
  })
  list(@Query() query: ListNotificationDeliveriesQuery): Promise<DeliveryPageDto> {
    return this.deliveries.deliveries(query.status, query.cursor);
  }

  @Post('deliveries/:id/replay')
  @Endpoint({
    operationId: 'replayNotificationDelivery',
    summary: 'Sends a failed delivery again (same Message-ID; audited).',
    ok: 'noContent',
    okDescription: 'Queued again.',
    errors: ['delivery_not_found', 'delivery_not_failed'],
    errorText: { 404: 'Unknown delivery.', 409: 'The delivery has not failed (`delivery_not_failed`).' },
  })
  async replay(@CallOn() call: CallOn): Promise<void> {
    await this.deliveries.replay(call.actor, call.id, call.requestId);
  }

  @Post('digests/run')
  @Endpoint({
    operationId: 'runNotificationDigest',
    summary: 'Test clock (NODE_ENV=test only, else 404): queues the daily or weekly digest as if run at `now`.',
    ok: DigestRunDto,
    status: 202,
    errors: ['route_not_found'],
    errorText: { 404: 'Not a test environment.' },
  })
  async runDigest(@Body() input: RunDigestInput): Promise<DigestRunDto> {
    await this.deliveries.runDigest(input.frequency, input.now);
    return { queued: true };
  }
}
