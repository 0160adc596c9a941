import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamDto } from '@eclore/server-platform';
import { Call, CallOn } from '../access/permission.decorator';
import {
  AdminPeoplePageDto,
  AdminPersonDto,
  GrantIdParams,
  GrantRoleInput,
  ListPeopleQuery,
  RoleGrantDto,
  RoleGrantRequestDto,
  RoleGrantRequestListDto,
  RoleRequestIdParams,
} from './roles-admin.dto';
import { RoleRequestsService } from './role-requests.service';
import { PeopleAdminQueryService } from './people-admin-query.service';
import { RolesAdminService } from './roles-admin.service';

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
  @Endpoint({
    permission: 'role.read',
    operationId: 'listAdminPeople',
    summary: 'People with their active role grants, by name, keyset-paginated.',
    ok: AdminPeoplePageDto,
  })
  list(@Query() query: ListPeopleQuery): Promise<AdminPeoplePageDto> {
    return this.people.list(query);
  }

  @Get('people/:id')
  @Endpoint({
    permission: 'role.read',
    operationId: 'getAdminPerson',
    summary: 'One person with their active role grants.',
    ok: AdminPersonDto,
    errors: ['person_not_found'],
  })
  get(@Param() params: IdParamDto): Promise<AdminPersonDto> {
    return this.people.get(params.id);
  }

  @Post('people/:id/roles')
  @Endpoint({
    permission: 'role.grant',
    operationId: 'grantRole',
    summary:
      'Grants a role, organisation-wide or scoped to an org unit (network and committee roles only). The anonymity guardian role is only requested (202): it takes effect when another admin approves it.',
    ok: RoleGrantDto,
    status: 201,
    okDescription: 'Granted: active from the grantee’s next request.',
    errors: [
      'validation_failed',
      'person_not_found',
      'role_already_granted',
      'role_request_pending',
      'person_inactive',
    ],
    errorText: {
      400: 'Unknown role, a scope on a role that takes none, or an unknown org unit; the field is named.',
      409: '`role_already_granted`, `role_request_pending` or `person_inactive`',
    },
  })
  // The second success answer; the handler sets 202 itself.
  @ApiAcceptedResponse({
    type: RoleGrantRequestDto,
    description: 'A role needing a second admin (anonymity guardian): waiting for their approval.',
  })
  async grant(
    @CallOn() call: CallOn,
    @Body() input: GrantRoleInput,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RoleGrantDto | RoleGrantRequestDto> {
    const outcome = await this.roles.grant(call.actor, call.id, input, call.requestId);
    if (outcome.kind === 'grant') return outcome.grant;
    res.status(202);
    return outcome.request;
  }

  @Get('role-requests')
  @Endpoint({
    permission: 'role.read',
    operationId: 'listRoleRequests',
    summary: 'Grants waiting for a second admin’s approval (anonymity guardian), oldest first.',
    ok: RoleGrantRequestListDto,
  })
  listRequests(): Promise<RoleGrantRequestListDto> {
    return this.requests.pending();
  }

  @Post('role-requests/:requestId/approve')
  @Endpoint({
    permission: 'role.grant',
    operationId: 'approveRoleRequest',
    summary: 'Approves a waiting grant: it takes effect. Not by the admin who asked for it, nor by the grantee.',
    ok: RoleGrantDto,
    errors: ['second_admin_required', 'role_request_not_found', 'person_inactive'],
    errorText: {
      403: '`second_admin_required`: you asked for it, or it is yours.',
      404: '`role_request_not_found` (unknown or already decided)',
    },
  })
  approveRequest(@Call() call: Call, @Param() params: RoleRequestIdParams): Promise<RoleGrantDto> {
    return this.requests.approve(call.actor, params.requestId, call.requestId);
  }

  @Post('role-requests/:requestId/reject')
  @Endpoint({
    permission: 'role.grant',
    operationId: 'rejectRoleRequest',
    summary: 'Declines a waiting grant (or, by the admin who asked, withdraws it).',
    ok: 'noContent',
    errors: ['role_request_not_found'],
    errorText: { 404: '`role_request_not_found` (unknown or already decided)' },
  })
  async rejectRequest(@Call() call: Call, @Param() params: RoleRequestIdParams): Promise<void> {
    await this.requests.reject(call.actor, params.requestId, call.requestId);
  }

  @Delete('role-grants/:grantId')
  @Endpoint({
    permission: 'role.revoke',
    operationId: 'revokeRoleGrant',
    summary: 'Revokes a grant (kept as history). An admin cannot revoke their own admin role.',
    ok: 'noContent',
    errors: ['role_grant_not_found'],
    errorText: { 404: '`role_grant_not_found` (unknown or already revoked)' },
  })
  async revoke(@Call() call: Call, @Param() params: GrantIdParams): Promise<void> {
    await this.roles.revoke(call.actor, params.grantId, call.requestId);
  }

  @Post('people/:id/deactivate')
  @Endpoint({
    permission: 'person.deactivate',
    operationId: 'deactivatePerson',
    summary: 'Deactivates an account and ends all its sessions. Not on yourself.',
    ok: AdminPersonDto,
    errors: ['person_not_found', 'person_already_inactive'],
  })
  deactivate(@CallOn() call: CallOn): Promise<AdminPersonDto> {
    return this.roles.deactivate(call.actor, call.id, call.requestId);
  }

  @Post('people/:id/reactivate')
  @Endpoint({
    permission: 'person.deactivate',
    operationId: 'reactivatePerson',
    summary: 'Reactivates a deactivated account (their grants were kept).',
    ok: AdminPersonDto,
    errors: ['person_not_found', 'person_already_active'],
  })
  reactivate(@CallOn() call: CallOn): Promise<AdminPersonDto> {
    return this.roles.reactivate(call.actor, call.id, call.requestId);
  }
}
