import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
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
import { CurrentActor, RequirePermission } from '../access/permission.decorator';
import {
  AdminPeoplePageDto,
  AdminPersonDto,
  GrantIdParams,
  GrantRoleInput,
  ListPeopleQuery,
  PersonIdParams,
  RoleGrantDto,
} from './roles-admin.dto';
import { RolesAdminService } from './roles-admin.service';
import { RequestId } from './request-id';

@ApiTags('admin')
@ApiForbiddenResponse({ description: 'Not an admin (`role_required`), or an action on yourself (`not_on_yourself`).' })
@Controller('admin')
export class RolesAdminController {
  constructor(private readonly roles: RolesAdminService) {}

  @Get('people')
  @RequirePermission('role.read')
  @ApiOperation({
    operationId: 'listAdminPeople',
    summary: 'People with their active role grants, by name, keyset-paginated.',
  })
  @ApiOkResponse({ type: AdminPeoplePageDto })
  list(@Query() query: ListPeopleQuery): Promise<AdminPeoplePageDto> {
    return this.roles.list(query);
  }

  @Get('people/:id')
  @RequirePermission('role.read')
  @ApiOperation({ operationId: 'getAdminPerson', summary: 'One person with their active role grants.' })
  @ApiOkResponse({ type: AdminPersonDto })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  get(@Param() params: PersonIdParams): Promise<AdminPersonDto> {
    return this.roles.get(params.id);
  }

  @Post('people/:id/roles')
  @RequirePermission('role.grant')
  @ApiOperation({
    operationId: 'grantRole',
    summary: 'Grants a role, organisation-wide or scoped to an org unit (network and committee roles only).',
  })
  @ApiCreatedResponse({ type: RoleGrantDto })
  @ApiBadRequestResponse({
    description: 'Unknown role, a scope on a role that takes none, or an unknown org unit; the field is named.',
  })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  @ApiConflictResponse({ description: '`role_already_granted` or `person_inactive`' })
  grant(
    @CurrentActor() actor: Actor,
    @Param() params: PersonIdParams,
    @Body() input: GrantRoleInput,
    @RequestId() requestId: string | null,
  ): Promise<RoleGrantDto> {
    return this.roles.grant(actor, params.id, input, requestId);
  }

  @Delete('role-grants/:grantId')
  @HttpCode(204)
  @RequirePermission('role.revoke')
  @ApiOperation({
    operationId: 'revokeRoleGrant',
    summary: 'Revokes a grant (kept as history). An admin cannot revoke their own admin role.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: '`role_grant_not_found` (unknown or already revoked)' })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param() params: GrantIdParams,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.roles.revoke(actor, params.grantId, requestId);
  }

  @Post('people/:id/deactivate')
  @HttpCode(200)
  @RequirePermission('person.deactivate')
  @ApiOperation({
    operationId: 'deactivatePerson',
    summary: 'Deactivates an account and ends all its sessions. Not on yourself.',
  })
  @ApiOkResponse({ type: AdminPersonDto })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  @ApiConflictResponse({ description: '`person_already_inactive`' })
  deactivate(
    @CurrentActor() actor: Actor,
    @Param() params: PersonIdParams,
    @RequestId() requestId: string | null,
  ): Promise<AdminPersonDto> {
    return this.roles.deactivate(actor, params.id, requestId);
  }

  @Post('people/:id/reactivate')
  @HttpCode(200)
  @RequirePermission('person.deactivate')
  @ApiOperation({
    operationId: 'reactivatePerson',
    summary: 'Reactivates a deactivated account (their grants were kept).',
  })
  @ApiOkResponse({ type: AdminPersonDto })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  @ApiConflictResponse({ description: '`person_already_active`' })
  reactivate(
    @CurrentActor() actor: Actor,
    @Param() params: PersonIdParams,
    @RequestId() requestId: string | null,
  ): Promise<AdminPersonDto> {
    return this.roles.reactivate(actor, params.id, requestId);
  }
}
