import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '../access/permission.decorator';
import { ProfileDto, UpdateProfileInput } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @RequirePermission('profile.read_own')
  @ApiOperation({
    operationId: 'getMyProfile',
    summary: 'The signed-in person: name, org unit with its path, roles with scopes, language.',
  })
  @ApiOkResponse({ type: ProfileDto })
  get(@CurrentActor() actor: Actor): Promise<ProfileDto> {
    return this.profile.get(actor.personId);
  }

  @Patch()
  @RequirePermission('profile.update_own')
  @ApiOperation({ operationId: 'updateMyProfile', summary: 'Saves the preferred language (null: follow the browser).' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiBadRequestResponse({ description: 'Unsupported language (`locale`).' })
  update(@CurrentActor() actor: Actor, @Body() input: UpdateProfileInput): Promise<ProfileDto> {
    return this.profile.setLocale(actor.personId, input.locale);
  }
}
