import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, type EndpointPreset, IdParamDto } from '@eclore/server-platform';
import { Call, CallOn } from '@eclore/server-identity';
import {
  CreateWebhookInput,
  CreatedWebhookDto,
  ListWebhookDeliveriesQuery,
  UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookDto,
  WebhookListDto,
} from './admin.dto';
import { WebhooksAdminService } from './admin.service';

// Admins only (the class's 403); routes on one webhook can find it unknown.
const MANAGE: EndpointPreset = { permission: 'webhook.manage' };
const MANAGE_WEBHOOK: EndpointPreset = { ...MANAGE, errors: ['webhook_not_found'] };

@ApiTags('admin')
@ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' })
@Controller('admin/webhooks')
export class WebhooksAdminController {
  constructor(private readonly webhooks: WebhooksAdminService) {}

  @Get()
  @Endpoint(MANAGE, {
    operationId: 'listWebhooks',
    summary: 'Outgoing webhooks (secrets never included) and the event types on offer.',
    ok: WebhookListDto,
  })
  list(): Promise<WebhookListDto> {
    return this.webhooks.list();
  }

  @Post()
  @Endpoint(MANAGE, {
    operationId: 'createWebhook',
    summary: 'Registers a webhook; the answer carries its signing secret, shown this once.',
    ok: CreatedWebhookDto,
    status: 201,
    errors: ['validation_failed'],
    errorText: { 400: 'Bad URL (https required) or unknown event type; the field is named.' },
  })
  create(@Call() call: Call, @Body() input: CreateWebhookInput): Promise<CreatedWebhookDto> {
    return this.webhooks.create(call.actor, input, call.requestId);
  }

  @Patch(':id')
  @Endpoint(MANAGE_WEBHOOK, {
    operationId: 'updateWebhook',
    summary: 'Changes the event types, the description or switches it on/off.',
    ok: WebhookDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Unknown event type; the field is named.' },
  })
  update(@CallOn() call: CallOn, @Body() input: UpdateWebhookInput): Promise<WebhookDto> {
    return this.webhooks.update(call.actor, call.id, input, call.requestId);
  }

  @Delete(':id')
  @Endpoint(MANAGE_WEBHOOK, {
    operationId: 'deleteWebhook',
    summary: 'Deletes a webhook and its delivery history.',
    ok: 'noContent',
  })
  async remove(@CallOn() call: CallOn): Promise<void> {
    await this.webhooks.remove(call.actor, call.id, call.requestId);
  }

  @Post(':id/test')
  @Endpoint(MANAGE_WEBHOOK, {
    operationId: 'testWebhook',
    summary: 'Queues a signed `ping` delivery to the webhook.',
    ok: WebhookDeliveryDto,
    status: 202,
    errors: ['webhook_inactive'],
  })
  test(@Param() params: IdParamDto): Promise<WebhookDeliveryDto> {
    return this.webhooks.ping(params.id);
  }

  @Get(':id/deliveries')
  @Endpoint(MANAGE_WEBHOOK, {
    operationId: 'listWebhookDeliveries',
    summary: 'The most recent deliveries of a webhook, newest first.',
    ok: WebhookDeliveryListDto,
  })
  deliveries(@Param() params: IdParamDto, @Query() query: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryListDto> {
    return this.webhooks.deliveries(params.id, query.limit);
  }
}

@ApiTags('admin')
@ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' })
@Controller('admin/webhook-deliveries')
export class WebhookDeliveriesAdminController {
  constructor(private readonly webhooks: WebhooksAdminService) {}

  @Post(':id/replay')
  @Endpoint(MANAGE, {
    operationId: 'replayWebhookDelivery',
    summary: 'Sends a sent or failed delivery again, with the same delivery id.',
    ok: WebhookDeliveryDto,
    status: 202,
    errors: ['webhook_delivery_not_found', 'delivery_pending'],
  })
  replay(@CallOn() call: CallOn): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(call.actor, call.id, call.requestId);
  }
}
