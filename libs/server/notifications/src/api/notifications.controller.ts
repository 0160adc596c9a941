import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequestId, RequirePermission } from '@eclore/server-identity';
import {
  DefaultsDto,
  DeliveryIdParams,
  DeliveryPageDto,
  DigestRunDto,
  ListDeliveriesQuery,
  ListNotificationsQuery,
  MarkReadInput,
  MarkedDto,
  NotificationPageDto,
  PreferencesDto,
  RunDigestInput,
  UnreadCountDto,
  UpdateDefaultsInput,
  UpdatePreferencesInput,
} from './notifications.dto';
import { NotificationCentreService } from '../centre/centre.service';
import { DeliveriesAdminService } from '../deliveries/deliveries.service';
import { PreferencesService } from '../preferences/preferences.service';

@ApiTags('notifications')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller()
export class NotificationsController {
  constructor(
    private readonly centre: NotificationCentreService,
    private readonly preferences: PreferencesService,
  ) {}

  @Get('notifications')
  @RequirePermission('notification.read_own')
  @ApiOperation({
    operationId: 'listMyNotifications',
    summary: 'My notifications grouped by idea, needing my action first (keyset pages).',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiBadRequestResponse({ description: 'Bad `cursor` or `limit`.' })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.centre.list(actor, query.cursor, query.limit);
  }

  @Get('notifications/unread-count')
  @RequirePermission('notification.read_own')
  @ApiOperation({ operationId: 'countMyUnreadNotifications', summary: 'How many of my notifications are unread.' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.centre.unreadCount(actor) };
  }

  @Post('notifications/read')
  @HttpCode(200)
  @RequirePermission('notification.read_own')
  @ApiOperation({
    operationId: 'markNotificationsRead',
    summary: 'Marks some of my notifications read (others’ ids are ignored).',
  })
  @ApiOkResponse({ type: MarkedDto })
  @ApiBadRequestResponse({ description: 'Missing or malformed `ids`.' })
  async read(@CurrentActor() actor: Actor, @Body() input: MarkReadInput): Promise<MarkedDto> {
    return { marked: await this.centre.markRead(actor, input.ids) };
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @RequirePermission('notification.read_own')
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Marks all my notifications read.' })
  @ApiOkResponse({ type: MarkedDto })
  async readAll(@CurrentActor() actor: Actor): Promise<MarkedDto> {
    return { marked: await this.centre.markRead(actor, null) };
  }

  @Get('me/notification-preferences')
  @RequirePermission('notification.read_own')
  @ApiOperation({
    operationId: 'getMyNotificationPreferences',
    summary: 'For each category: immediately, daily, weekly or off.',
  })
  @ApiOkResponse({ type: PreferencesDto })
  getPreferences(@CurrentActor() actor: Actor): Promise<PreferencesDto> {
    return this.preferences.preferences(actor.personId);
  }

  @Put('me/notification-preferences')
  @RequirePermission('notification.read_own')
  @ApiOperation({ operationId: 'setMyNotificationPreferences', summary: 'Sets my choice for the listed categories.' })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiBadRequestResponse({ description: 'Unknown category or frequency (`preferences.N.field`).' })
  setPreferences(@CurrentActor() actor: Actor, @Body() input: UpdatePreferencesInput): Promise<PreferencesDto> {
    return this.preferences.setPreferences(actor.personId, input.preferences);
  }
}

@ApiTags('admin')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' })
@Controller('admin')
export class NotificationsAdminController {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly deliveryAdmin: DeliveriesAdminService,
  ) {}

  @Get('notification-defaults')
  @RequirePermission('notification.admin')
  @ApiOperation({
    operationId: 'getNotificationDefaults',
    summary: 'The organisation’s default frequency per category.',
  })
  @ApiOkResponse({ type: DefaultsDto })
  getDefaults(): Promise<DefaultsDto> {
    return this.preferences.getDefaults();
  }

  @Put('notification-defaults')
  @RequirePermission('notification.admin')
  @ApiOperation({ operationId: 'setNotificationDefaults', summary: 'Sets the organisation’s defaults (audited).' })
  @ApiOkResponse({ type: DefaultsDto })
  @ApiBadRequestResponse({ description: 'Unknown category or frequency (`preferences.N.field`).' })
  setDefaults(
    @CurrentActor() actor: Actor,
    @Body() input: UpdateDefaultsInput,
    @RequestId() requestId: string | null,
  ): Promise<DefaultsDto> {
    return this.preferences.setDefaults(actor, input.preferences, requestId);
  }

  @Get('deliveries')
  @RequirePermission('notification.admin')
  @ApiOperation({
    operationId: 'listNotificationDeliveries',
    summary: 'Notification e-mails, newest first; `status=failed` for those needing attention.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ description: 'Unknown `status` or bad `cursor`.' })
  deliveries(@Query() query: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    return this.deliveryAdmin.deliveries(query.status, query.cursor);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(204)
  @RequirePermission('notification.admin')
  @ApiOperation({
    operationId: 'replayNotificationDelivery',
    summary: 'Sends a failed delivery again (same Message-ID; audited).',
  })
  @ApiNoContentResponse({ description: 'Queued again.' })
  @ApiNotFoundResponse({ description: 'Unknown delivery.' })
  @ApiConflictResponse({ description: 'The delivery has not failed (`delivery_not_failed`).' })
  async replay(
    @CurrentActor() actor: Actor,
    @Param() params: DeliveryIdParams,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.deliveryAdmin.replay(actor, params.id, requestId);
  }

  @Post('digests/run')
  @HttpCode(202)
  @RequirePermission('notification.admin')
  @ApiOperation({
    operationId: 'runNotificationDigest',
    summary: 'Test clock (NODE_ENV=test only, else 404): queues the daily or weekly digest as if run at `now`.',
  })
  @ApiOkResponse({ type: DigestRunDto })
  @ApiNotFoundResponse({ description: 'Not a test environment.' })
  async runDigest(@Body() input: RunDigestInput): Promise<DigestRunDto> {
    await this.deliveryAdmin.runDigest(input.frequency, input.now);
    return { queued: true };
  }
}
