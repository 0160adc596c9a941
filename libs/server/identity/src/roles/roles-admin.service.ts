import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
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
import { OrgUnit, Person, RoleGrant } from '../entities';
import { cursorField, defineCursor } from '@eclore/server-platform';
import { likeContains } from './like-pattern';
import { activeGrantsByPerson, grantAuditData } from './grant-view';
import { writeGrant } from './grant-writer';
import { RoleRequestsService } from './role-requests.service';
import type {
  AdminPeoplePageDto,
  AdminPersonDto,
  GrantRoleInput,
  ListPeopleQuery,
  RoleGrantDto,
  RoleGrantRequestDto,
} from './roles-admin.dto';

/** A grant takes effect at once, or (roles needing a second admin) waits as a request. */
export type GrantOutcome = { kind: 'grant'; grant: RoleGrantDto } | { kind: 'request'; request: RoleGrantRequestDto };

/** Keyset of the people list: lower-cased family and given names, then id. */
const peopleCursor = defineCursor({ family: cursorField.text(), given: cursorField.text(), id: cursorField.uuid });

const DEFAULT_PAGE_SIZE = 25;

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
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly requests: RoleRequestsService,
  ) {}

  async list(query: ListPeopleQuery): Promise<AdminPeoplePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.orgUnit', 'u')
      .addSelect('lower(p.family_name)', 'sort_family')
      .addSelect('lower(p.given_name)', 'sort_given');
    const terms = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    terms.forEach((term, i) => {
      qb.andWhere(
        `(p.given_name ILIKE :t${i} OR p.family_name ILIKE :t${i} OR p.email ILIKE :t${i} OR p.employee_number ILIKE :t${i})`,
        { [`t${i}`]: likeContains(term) },
      );
    });
    if (query.cursor) {
      const { family, given, id } = peopleCursor.decode(query.cursor);
      qb.andWhere('(lower(p.family_name), lower(p.given_name), p.id) > (:cf, :cg, :cid::uuid)', {
        cf: family,
        cg: given,
        cid: id,
      });
    }
    const people = await qb
      .orderBy('sort_family', 'ASC')
      .addOrderBy('sort_given', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const page = people.slice(0, limit);
    const last = page[page.length - 1];
    const grants = await activeGrantsByPerson(
      this.dataSource.manager,
      page.map((p) => p.id),
    );
    return {
      items: page.map((p) => toAdminPerson(p, grants.get(p.id) ?? [])),
      nextCursor:
        people.length > limit && last
          ? peopleCursor.encode({ family: last.familyName.toLowerCase(), given: last.givenName.toLowerCase(), id: last.id })
          : null,
    };
  }

  async get(personId: string, manager: EntityManager = this.dataSource.manager): Promise<AdminPersonDto> {
    const person = await manager
      .getRepository(Person)
      .findOne({ where: { id: personId }, relations: { orgUnit: true } });
    if (!person) throw new NotFound('person', personId);
    const grants = await activeGrantsByPerson(manager, [person.id]);
    return toAdminPerson(person, grants.get(person.id) ?? []);
  }

  async grant(actor: Actor, personId: string, input: GrantRoleInput, requestId: string | null): Promise<GrantOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const person = await lockPerson(manager, personId);
      this.access.assert(actor, 'role.grant', { subjectPersonId: person.id });
      const scope = input.scope ?? { kind: 'organisation' as const };
      const problems: FieldProblem[] = [];
      if (scope.kind !== 'organisation' && !SCOPABLE_ROLES.includes(input.role)) {
        problems.push({
          field: 'scope.kind',
          code: 'roleNotScopable',
          message: `The role ${input.role} applies to the whole organisation only.`,
        });
      }
      if (scope.kind === 'organisation' && scope.orgUnitId !== undefined) {
        problems.push({
          field: 'scope.orgUnitId',
          code: 'mustBeAbsent',
          message: 'An organisation-wide scope has no org unit.',
        });
      }
      if (
        scope.kind === 'org_unit' &&
        scope.orgUnitId &&
        !(await manager.getRepository(OrgUnit).existsBy({ id: scope.orgUnitId }))
      ) {
        problems.push({
          field: 'scope.orgUnitId',
          code: 'unknownOrgUnit',
          message: `Org unit ${scope.orgUnitId} does not exist.`,
        });
      }
      if (problems.length) throw new ValidationFailed(problems);
      if (!person.active) throw new Conflict('person_inactive', 'Reactivate this person before granting them a role.');

      const scopeOrgUnitId = scope.kind === 'org_unit' ? (scope.orgUnitId ?? null) : null;
      const duplicate = await manager.getRepository(RoleGrant).existsBy({
        personId: person.id,
        role: input.role,
        scopeKind: scope.kind,
        scopeOrgUnitId: scopeOrgUnitId ?? IsNull(),
        revokedAt: IsNull(),
      });
      if (duplicate) throw new Conflict('role_already_granted', 'This person already holds this role with this scope.');

      if (ROLES_NEEDING_APPROVAL.includes(input.role)) {
        return { kind: 'request', request: await this.requests.open(manager, actor, person, input.role, requestId) };
      }
      const grant = await writeGrant(
        manager,
        this.audit,
        { personId: person.id, role: input.role, scopeKind: scope.kind, scopeOrgUnitId, grantedBy: actor.personId },
        requestId,
      );
      return { kind: 'grant', grant };
    });
  }

  async revoke(actor: Actor, grantId: string, requestId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await manager
        .getRepository(RoleGrant)
        .findOne({ where: { id: grantId }, select: { id: true, personId: true } });
      if (!found) throw new NotFound('role_grant', grantId);
      await lockPerson(manager, found.personId);
      // Re-read under the person's lock: a concurrent revoke may have just committed.
      const grant = await manager.getRepository(RoleGrant).findOneByOrFail({ id: grantId });
      if (grant.revokedAt) throw new NotFound('role_grant', grantId);
      this.access.assert(actor, 'role.revoke', { subjectPersonId: grant.personId, grantRole: grant.role });
      grant.revokedAt = new Date();
      grant.revokedBy = actor.personId;
      await manager.getRepository(RoleGrant).save(grant);
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
    return this.dataSource.transaction(async (manager) => {
      const person = await lockPerson(manager, personId);
      this.access.assert(actor, 'person.deactivate', { subjectPersonId: person.id });
      if (!person.active) throw new Conflict('person_already_inactive', 'This person is already deactivated.');
      await manager.getRepository(Person).update({ id: person.id }, { active: false, deactivatedAt: new Date() });
      // In the same transaction: the person is signed out everywhere exactly when the change commits.
      const endedSessions = await this.sessions.endAllFor(person.id, 'deactivated', manager);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'person.deactivated',
        subjectType: 'person',
        subjectId: person.id,
        data: { personId: person.id, endedSessions },
        requestId,
      });
      return this.get(person.id, manager);
    });
  }

  async reactivate(actor: Actor, personId: string, requestId: string | null): Promise<AdminPersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const person = await lockPerson(manager, personId);
      this.access.assert(actor, 'person.deactivate', { subjectPersonId: person.id });
      if (person.active) throw new Conflict('person_already_active', 'This person is already active.');
      await manager.getRepository(Person).update({ id: person.id }, { active: true, deactivatedAt: null });
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'person.reactivated',
        subjectType: 'person',
        subjectId: person.id,
        data: { personId: person.id },
        requestId,
      });
      return this.get(person.id, manager);
    });
  }
}

async function lockPerson(manager: EntityManager, personId: string): Promise<Person> {
  const person = await manager
    .getRepository(Person)
    .findOne({ where: { id: personId }, lock: { mode: 'pessimistic_write' } });
  if (!person) throw new NotFound('person', personId);
  return person;
}

function toAdminPerson(person: Person, grants: RoleGrantDto[]): AdminPersonDto {
  return {
    id: person.id,
    employeeNumber: person.employeeNumber,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    orgUnit: person.orgUnit ? { id: person.orgUnit.id, code: person.orgUnit.code, name: person.orgUnit.name } : null,
    active: person.active,
    deactivatedAt: person.deactivatedAt ? person.deactivatedAt.toISOString() : null,
    erasedAt: person.erasedAt ? person.erasedAt.toISOString() : null,
    grants,
  };
}
