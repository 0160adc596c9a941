import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Conflict, NotFound, type Actor, type GrantableRole } from '@eclore/domain';
import { OutboxService } from '@eclore/server-platform';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Person } from '../entities';
import { GrantViews } from './grant-view';
import { GrantWriter } from './grant-writer';
import { RolesRepository } from './roles.repository';
import type { RoleGrantDto, RoleGrantRequestDto, RoleGrantRequestListDto } from './roles-admin.dto';

/**
 * Separation of duties for the roles in `ROLES_NEEDING_APPROVAL` (the anonymity guardian, who can
 * reveal an anonymous author): an admin's grant only opens a request; it takes effect when another
 * admin — neither the one who asked nor the grantee — approves it. Each step is audited; every admin is
 * told when it is asked for and when it takes effect.
 */
@Injectable()
export class RoleRequestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly roles: RolesRepository,
    private readonly views: GrantViews,
    private readonly writer: GrantWriter,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async pending(): Promise<RoleGrantRequestListDto> {
    return { items: await this.views.ofRequests(await this.roles.pendingRequests()) };
  }

  /** Called by the grant command, inside its transaction, with the person's row locked. */
  async open(
    manager: EntityManager,
    actor: Actor,
    person: Person,
    role: GrantableRole,
    requestId: string | null,
  ): Promise<RoleGrantRequestDto> {
    if (await this.roles.pendingRequestFor(person.id, role, manager))
      throw new Conflict('role_request_pending', 'This grant is already waiting for a second admin’s approval.');
    const request = await this.roles.insertRequest({ personId: person.id, role, requestedBy: actor.personId }, manager);
    await this.audit.append(manager, {
      actorId: actor.personId,
      action: 'role.grant_requested',
      subjectType: 'person',
      subjectId: person.id,
      data: { requestId: request.id, personId: person.id, role },
      requestId,
    });
    // Every admin is told (notifications context, through the outbox): one of them must approve it.
    await this.outbox.append(manager, 'notifications.role_request', { requestId: request.id, stage: 'requested' });
    const [view] = await this.views.ofRequests([request], manager);
    return view!;
  }

  async approve(actor: Actor, id: string, requestId: string | null): Promise<RoleGrantDto> {
    return this.ds.transaction(async (manager) => {
      const request = await this.pendingRequest(manager, id);
      this.access.assert(actor, 'role.approve', {
        subjectPersonId: request.personId,
        requestedBy: request.requestedBy,
      });
      if ((await this.roles.lockPerson(request.personId, manager))?.active !== true)
        throw new Conflict('person_inactive', 'Reactivate this person before granting them a role.');
      const grant = await this.writer.write(
        manager,
        {
          personId: request.personId,
          role: request.role,
          scopeKind: 'organisation',
          scopeOrgUnitId: null,
          grantedBy: actor.personId,
          requestedBy: request.requestedBy,
        },
        requestId,
      );
      await this.roles.decideRequest(id, { status: 'approved', decidedBy: actor.personId, grantId: grant.id }, manager);
      await this.outbox.append(manager, 'notifications.role_request', { requestId: id, stage: 'granted' });
      return grant;
    });
  }

  /** A second admin declines it, or the requester withdraws it. */
  async reject(actor: Actor, id: string, requestId: string | null): Promise<void> {
    await this.ds.transaction(async (manager) => {
      const request = await this.pendingRequest(manager, id);
      this.access.assert(actor, 'role.grant', { subjectPersonId: request.personId });
      await this.roles.decideRequest(id, { status: 'rejected', decidedBy: actor.personId, grantId: null }, manager);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'role.grant_rejected',
        subjectType: 'person',
        subjectId: request.personId,
        data: { requestId: id, personId: request.personId, role: request.role, requestedBy: request.requestedBy },
        requestId,
      });
    });
  }

  private async pendingRequest(manager: EntityManager, id: string) {
    const request = await this.roles.lockRequest(id, manager);
    // A decided request is history: approving or rejecting it again is answered as absent.
    if (!request || request.status !== 'pending') throw new NotFound('role_request', id);
    return request;
  }
}
