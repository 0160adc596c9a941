import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { Endpoint } from '@eclore/server-platform';
import { CurrentActor } from '../access/permission.decorator';
import { ProfileDto, UpdateProfileInput } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @Endpoint({
    permission: 'profile.read_own',
    operationId: 'getMyProfile',
    summary: 'The signed-in person: name, org unit with its path, roles with scopes, language.',
    ok: ProfileDto,
  })
  get(@CurrentActor() actor: Actor): Promise<ProfileDto> {
    return this.profile.get(actor.personId);
  }

  @Patch()
  @Endpoint({
    permission: 'profile.update_own',
    operationId: 'updateMyProfile',
    summary: 'Saves the preferred language (null: follow the browser).',
    ok: ProfileDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Unsupported language (`locale`).' },
  })
  update(@CurrentActor() actor: Actor, @Body() input: UpdateProfileInput): Promise<ProfileDto> {
    return this.profile.setLocale(actor.personId, input.locale);
  }
}
