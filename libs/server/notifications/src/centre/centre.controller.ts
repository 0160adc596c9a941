import { Body, Get, Post, Query } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { CurrentActor } from '@eclore/server-identity';
import { ListNotificationsQuery, MarkReadInput, MarkedDto, NotificationPageDto, UnreadCountDto } from './centre.dto';
import { NotificationCentreService } from './centre.service';

@ApiController('notifications', 'notifications', 'notification.read_own')
export class NotificationsController {
  constructor(private readonly centre: NotificationCentreService) {}

  @Get()
  @Endpoint({
    operationId: 'listMyNotifications',
    summary: 'My notifications grouped by idea, needing my action first (keyset pages).',
    ok: NotificationPageDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Bad `cursor` or `limit`.' },
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.centre.list(actor, query.cursor, query.limit);
  }

  @Get('unread-count')
  @Endpoint({
    operationId: 'countMyUnreadNotifications',
    summary: 'How many of my notifications are unread.',
    ok: UnreadCountDto,
  })
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.centre.unreadCount(actor) };
  }

  @Post('read')
  @Endpoint({
    operationId: 'markNotificationsRead',
    summary: 'Marks some of my notifications read (others’ ids are ignored).',
    ok: MarkedDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Missing or malformed `ids`.' },
  })
  async read(@CurrentActor() actor: Actor, @Body() input: MarkReadInput): Promise<MarkedDto> {
    return { marked: await this.centre.markRead(actor, input.ids) };
  }

  @Post('read-all')
  @Endpoint({
    operationId: 'markAllNotificationsRead',
    summary: 'Marks all my notifications read.',
    ok: MarkedDto,
  })
  async readAll(@CurrentActor() actor: Actor): Promise<MarkedDto> {
    return { marked: await this.centre.markRead(actor, null) };
  }
}
