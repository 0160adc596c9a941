import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
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
import { CurrentActor, RequirePermission } from '../access/permission.decorator';
import {
  AdminPeoplePageDto,
  AdminPersonDto,
  GrantIdParams,
  GrantRoleInput,
  ListPeopleQuery,
  PersonIdParams,
  RoleGrantDto,
  RoleGrantRequestDto,
  RoleGrantRequestListDto,
  RoleRequestIdParams,
} from './roles-admin.dto';
import { RoleRequestsService } from './role-requests.service';
import { PeopleAdminQueryService } from './people-admin-query.service';
import { RolesAdminService } from './roles-admin.service';
import { RequestId } from './request-id';

@ApiTags('admin')
@ApiForbiddenResponse({ description: 'Not an admin (`role_required`), or an action on yourself (`not_on_yourself`).' })
@Controller('admin')
export class RolesAdminController {
  constructor(
    private readonly roles: RolesAdminService,
    private readonly people: PeopleAdminQueryService,
    private readonly requests: RoleRequestsService,
  ) {}

  @Get('people')
  @RequirePermission('role.read')
  @ApiOperation({
    operationId: 'listAdminPeople',
    summary: 'People with their active role grants, by name, keyset-paginated.',
  })
  @ApiOkResponse({ type: AdminPeoplePageDto })
  list(@Query() query: ListPeopleQuery): Promise<AdminPeoplePageDto> {
    return this.people.list(query);
  }

  @Get('people/:id')
  @RequirePermission('role.read')
  @ApiOperation({ operationId: 'getAdminPerson', summary: 'One person with their active role grants.' })
  @ApiOkResponse({ type: AdminPersonDto })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  get(@Param() params: PersonIdParams): Promise<AdminPersonDto> {
    return this.people.get(params.id);
  }

  @Post('people/:id/roles')
  @RequirePermission('role.grant')
  @ApiOperation({
    operationId: 'grantRole',
    summary:
      'Grants a role, organisation-wide or scoped to an org unit (network and committee roles only). The anonymity guardian role is only requested (202): it takes effect when another admin approves it.',
  })
  @ApiCreatedResponse({ type: RoleGrantDto, description: 'Granted: active from the grantee’s next request.' })
  @ApiAcceptedResponse({
    type: RoleGrantRequestDto,
    description: 'A role needing a second admin (anonymity guardian): waiting for their approval.',
  })
  @ApiBadRequestResponse({
    description: 'Unknown role, a scope on a role that takes none, or an unknown org unit; the field is named.',
  })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  @ApiConflictResponse({ description: '`role_already_granted`, `role_request_pending` or `person_inactive`' })
  async grant(
    @CurrentActor() actor: Actor,
    @Param() params: PersonIdParams,
    @Body() input: GrantRoleInput,
    @RequestId() requestId: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RoleGrantDto | RoleGrantRequestDto> {
    const outcome = await this.roles.grant(actor, params.id, input, requestId);
    if (outcome.kind === 'grant') return outcome.grant;
    res.status(202);
    return outcome.request;
  }

  @Get('role-requests')
  @RequirePermission('role.read')
  @ApiOperation({
    operationId: 'listRoleRequests',
    summary: 'Grants waiting for a second admin’s approval (anonymity guardian), oldest first.',
  })
  @ApiOkResponse({ type: RoleGrantRequestListDto })
  listRequests(): Promise<RoleGrantRequestListDto> {
    return this.requests.pending();
  }

  @Post('role-requests/:requestId/approve')
  @HttpCode(200)
  @RequirePermission('role.grant')
  @ApiOperation({
    operationId: 'approveRoleRequest',
    summary: 'Approves a waiting grant: it takes effect. Not by the admin who asked for it, nor by the grantee.',
  })
  @ApiOkResponse({ type: RoleGrantDto })
  @ApiForbiddenResponse({ description: '`second_admin_required`: you asked for it, or it is yours.' })
  @ApiNotFoundResponse({ description: '`role_request_not_found` (unknown or already decided)' })
  @ApiConflictResponse({ description: '`person_inactive`' })
  approveRequest(
    @CurrentActor() actor: Actor,
    @Param() params: RoleRequestIdParams,
    @RequestId() requestId: string | null,
  ): Promise<RoleGrantDto> {
    return this.requests.approve(actor, params.requestId, requestId);
  }

  @Post('role-requests/:requestId/reject')
  @HttpCode(204)
  @RequirePermission('role.grant')
  @ApiOperation({
    operationId: 'rejectRoleRequest',
    summary: 'Declines a waiting grant (or, by the admin who asked, withdraws it).',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: '`role_request_not_found` (unknown or already decided)' })
  async rejectRequest(
    @CurrentActor() actor: Actor,
    @Param() params: RoleRequestIdParams,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.requests.reject(actor, params.requestId, requestId);
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
