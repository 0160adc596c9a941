import { Body, Get, Put } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { Call, CurrentActor } from '@eclore/server-identity';
import { DefaultsDto, PreferencesDto, UpdateDefaultsInput, UpdatePreferencesInput } from './preferences.dto';
import { PreferencesService } from './preferences.service';
import { AdminApiController } from '../notifications.api';

const BAD_PREFERENCES = { 400: 'Unknown category or frequency (`preferences.N.field`).' };

@ApiController('notifications', 'me/notification-preferences', 'notification.read_own')
export class MyNotificationPreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @Endpoint({
    operationId: 'getMyNotificationPreferences',
    summary: 'For each category: immediately, daily, weekly or off.',
    ok: PreferencesDto,
  })
  get(@CurrentActor() actor: Actor): Promise<PreferencesDto> {
    return this.preferences.preferences(actor.personId);
  }

  @Put()
  @Endpoint({
    operationId: 'setMyNotificationPreferences',
    summary: 'Sets my choice for the listed categories.',
    ok: PreferencesDto,
    errors: ['validation_failed'],
    errorText: BAD_PREFERENCES,
  })
  set(@CurrentActor() actor: Actor, @Body() input: UpdatePreferencesInput): Promise<PreferencesDto> {
    return this.preferences.setPreferences(actor.personId, input.preferences);
  }
}

@AdminApiController('admin/notification-defaults')
export class NotificationDefaultsController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @Endpoint({
    operationId: 'getNotificationDefaults',
    summary: 'The organisation’s default frequency per category.',
    ok: DefaultsDto,
  })
  get(): Promise<DefaultsDto> {
    return this.preferences.getDefaults();
  }

  @Put()
  @Endpoint({
    operationId: 'setNotificationDefaults',
    summary: 'Sets the organisation’s defaults (audited).',
    ok: DefaultsDto,
    errors: ['validation_failed'],
    errorText: BAD_PREFERENCES,
  })
  set(@Call() call: Call, @Body() input: UpdateDefaultsInput): Promise<DefaultsDto> {
    return this.preferences.setDefaults(call.actor, input.preferences, call.requestId);
  }
}
