import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import {
  CreateWebhookInput,
  CreatedWebhookDto,
  ListDeliveriesQuery,
  UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookDto,
  WebhookIdParams,
  WebhookListDto,
} from './webhooks.dto';
import { WebhooksAdminService } from './webhooks-admin.service';

/** The request id pino-http gave this request, for the audit log. */
const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const id = ctx.switchToHttp().getRequest<{ id?: string | number }>().id;
  return id === undefined ? null : String(id);
});

@ApiTags('admin')
@ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' })
@Controller('admin')
export class WebhooksAdminController {
  constructor(private readonly webhooks: WebhooksAdminService) {}

  @Get('webhooks')
  @RequirePermission('webhook.manage')
  @ApiOperation({
    operationId: 'listWebhooks',
    summary: 'Outgoing webhooks (secrets never included) and the event types on offer.',
  })
  @ApiOkResponse({ type: WebhookListDto })
  list(): Promise<WebhookListDto> {
    return this.webhooks.list();
  }

  @Post('webhooks')
  @RequirePermission('webhook.manage')
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Registers a webhook; the answer carries its signing secret, shown this once.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiBadRequestResponse({ description: 'Bad URL (https required) or unknown event type; the field is named.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() input: CreateWebhookInput,
    @RequestId() requestId: string | null,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.create(actor, input, requestId);
  }

  @Patch('webhooks/:id')
  @RequirePermission('webhook.manage')
  @ApiOperation({
    operationId: 'updateWebhook',
    summary: 'Changes the event types, the description or switches it on/off.',
  })
  @ApiOkResponse({ type: WebhookDto })
  @ApiBadRequestResponse({ description: 'Unknown event type; the field is named.' })
  @ApiNotFoundResponse({ description: '`webhook_not_found`' })
  update(
    @CurrentActor() actor: Actor,
    @Param() params: WebhookIdParams,
    @Body() input: UpdateWebhookInput,
    @RequestId() requestId: string | null,
  ): Promise<WebhookDto> {
    return this.webhooks.update(actor, params.id, input, requestId);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @RequirePermission('webhook.manage')
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Deletes a webhook and its delivery history.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: '`webhook_not_found`' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param() params: WebhookIdParams,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.webhooks.remove(actor, params.id, requestId);
  }

  @Post('webhooks/:id/test')
  @HttpCode(202)
  @RequirePermission('webhook.manage')
  @ApiOperation({ operationId: 'testWebhook', summary: 'Queues a signed `ping` delivery to the webhook.' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ description: '`webhook_not_found`' })
  @ApiConflictResponse({ description: '`webhook_inactive`' })
  test(@Param() params: WebhookIdParams): Promise<WebhookDeliveryDto> {
    return this.webhooks.ping(params.id);
  }

  @Get('webhooks/:id/deliveries')
  @RequirePermission('webhook.manage')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'The most recent deliveries of a webhook, newest first.',
  })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiNotFoundResponse({ description: '`webhook_not_found`' })
  deliveries(@Param() params: WebhookIdParams, @Query() query: ListDeliveriesQuery): Promise<WebhookDeliveryListDto> {
    return this.webhooks.deliveries(params.id, query.limit);
  }

  @Post('webhook-deliveries/:id/replay')
  @HttpCode(202)
  @RequirePermission('webhook.manage')
  @ApiOperation({
    operationId: 'replayWebhookDelivery',
    summary: 'Sends a sent or failed delivery again, with the same delivery id.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ description: '`webhook_delivery_not_found`' })
  @ApiConflictResponse({ description: '`delivery_pending`' })
  replay(
    @CurrentActor() actor: Actor,
    @Param() params: WebhookIdParams,
    @RequestId() requestId: string | null,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(actor, params.id, requestId);
  }
}
