import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Conflict,
  NotFound,
  ROLES_NEEDING_APPROVAL,
  SCOPABLE_ROLES,
  ValidationFailed,
  type Actor,
  type FieldProblem,
} from '@eclore/domain';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../auth/session.service';
import type { Person } from '../entities';
import { grantAuditData } from './grant-view';
import { GrantWriter } from './grant-writer';
import { PeopleAdminQueryService } from './people-admin-query.service';
import { RoleRequestsService } from './role-requests.service';
import type { AdminPersonDto, GrantRoleInput, RoleGrantDto, RoleGrantRequestDto } from './roles-admin.dto';
import { RolesRepository } from './roles.repository';

/** A grant takes effect at once, or (roles needing a second admin) waits as a request. */
export type GrantOutcome = { kind: 'grant'; grant: RoleGrantDto } | { kind: 'request'; request: RoleGrantRequestDto };

/**
 * Administration of people's roles and accounts. Every change is one transaction that locks the
 * person's row (so two admins acting at once serialise), re-checks the policy with the object's
 * context, writes the change and appends its audit event. The AccessGuard reloads grants on every
 * request, so a change applies from the grantee's next request.
 */
@Injectable()
export class RolesAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: RolesRepository,
    private readonly people: PeopleAdminQueryService,
    private readonly writer: GrantWriter,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly requests: RoleRequestsService,
  ) {}

  async grant(actor: Actor, personId: string, input: GrantRoleInput, requestId: string | null): Promise<GrantOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lockPerson(manager, personId);
      this.access.assert(actor, 'role.grant', { subjectPersonId: person.id });
      const scope = input.scope ?? { kind: 'organisation' as const };
      const unitExists =
        scope.kind === 'org_unit' && scope.orgUnitId ? await this.roles.orgUnitExists(scope.orgUnitId, manager) : true;
      const problems = scopeProblems(input.role, scope, unitExists);
      if (problems.length) throw new ValidationFailed(problems);
      if (!person.active) throw new Conflict('person_inactive', 'Reactivate this person before granting them a role.');

      const scopeOrgUnitId = scope.kind === 'org_unit' ? (scope.orgUnitId ?? null) : null;
      const wanted = { personId: person.id, role: input.role, scopeKind: scope.kind, scopeOrgUnitId };
      if (await this.roles.hasActiveGrant(wanted, manager))
        throw new Conflict('role_already_granted', 'This person already holds this role with this scope.');

      if (ROLES_NEEDING_APPROVAL.includes(input.role)) {
        return { kind: 'request', request: await this.requests.open(manager, actor, person, input.role, requestId) };
      }
      const grant = await this.writer.write(manager, { ...wanted, grantedBy: actor.personId }, requestId);
      return { kind: 'grant', grant };
    });
  }

  async revoke(actor: Actor, grantId: string, requestId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.roles.grantOwner(grantId, manager);
      if (!found) throw new NotFound('role_grant', grantId);
      await this.lockPerson(manager, found.personId);
      // Re-read under the person's lock: a concurrent revoke may have just committed.
      const grant = await this.roles.grant(grantId, manager);
      if (grant.revokedAt) throw new NotFound('role_grant', grantId);
      this.access.assert(actor, 'role.revoke', { subjectPersonId: grant.personId, grantRole: grant.role });
      await this.roles.markRevoked(grant, actor.personId, manager);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'role.revoked',
        subjectType: 'person',
        subjectId: grant.personId,
        data: grantAuditData(grant),
        requestId,
      });
    });
  }

  async deactivate(actor: Actor, personId: string, requestId: string | null): Promise<AdminPersonDto> {
    return this.setActive(actor, personId, false, requestId);
  }

  async reactivate(actor: Actor, personId: string, requestId: string | null): Promise<AdminPersonDto> {
    return this.setActive(actor, personId, true, requestId);
  }

  private async setActive(
    actor: Actor,
    personId: string,
    active: boolean,
    requestId: string | null,
  ): Promise<AdminPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lockPerson(manager, personId);
      this.access.assert(actor, 'person.deactivate', { subjectPersonId: person.id });
      if (person.active === active) {
        throw active
          ? new Conflict('person_already_active', 'This person is already active.')
          : new Conflict('person_already_inactive', 'This person is already deactivated.');
      }
      await this.roles.setPersonActive(person.id, active, manager);
      // In the same transaction: a deactivated person is signed out everywhere exactly when it commits.
      const ended = active ? {} : { endedSessions: await this.sessions.endAllFor(person.id, 'deactivated', manager) };
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: active ? 'person.reactivated' : 'person.deactivated',
        subjectType: 'person',
        subjectId: person.id,
        data: { personId: person.id, ...ended },
        requestId,
      });
      return this.people.get(person.id, manager);
    });
  }

  private async lockPerson(manager: EntityManager, personId: string): Promise<Person> {
    const person = await this.roles.lockPerson(personId, manager);
    if (!person) throw new NotFound('person', personId);
    return person;
  }
}

function scopeProblems(
  role: GrantRoleInput['role'],
  scope: NonNullable<GrantRoleInput['scope']>,
  unitExists: boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (scope.kind !== 'organisation' && !SCOPABLE_ROLES.includes(role)) {
    problems.push({
      field: 'scope.kind',
      code: 'roleNotScopable',
      message: `The role ${role} applies to the whole organisation only.`,
    });
  }
  if (scope.kind === 'organisation' && scope.orgUnitId !== undefined) {
    problems.push({
      field: 'scope.orgUnitId',
      code: 'mustBeAbsent',
      message: 'An organisation-wide scope has no org unit.',
    });
  }
  if (scope.kind === 'org_unit' && scope.orgUnitId && !unitExists) {
    problems.push({
      field: 'scope.orgUnitId',
      code: 'unknownOrgUnit',
      message: `Org unit ${scope.orgUnitId} does not exist.`,
    });
  }
  return problems;
}
