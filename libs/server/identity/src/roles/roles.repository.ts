import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { GrantableRole } from '@eclore/domain';
import { OrgUnit, Person, RoleGrant, RoleGrantRequest } from '../entities';
import { likeContains } from './like-pattern';

/** A person as a reference (granter, requester, grantee). */
export type PersonNameRow = Pick<Person, 'id' | 'givenName' | 'familyName'>;

/** Keyset position in the people list: lower-cased family and given names, then id. */
export interface PeopleAfter {
  family: string;
  given: string;
  id: string;
}

/** The fields of a new active grant. */
export interface NewGrant {
  personId: string;
  role: GrantableRole;
  scopeKind: RoleGrant['scopeKind'];
  scopeOrgUnitId: string | null;
  grantedBy: string;
}

export interface RequestDecision {
  status: 'approved' | 'rejected';
  decidedBy: string;
  grantId: string | null;
}

/** Every query of role administration: people and their accounts, grants, and grant requests. */
@Injectable()
export class RolesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of people (with their unit) whose names, e-mail or employee number contain every term. */
  listPeople(
    query: { terms: readonly string[]; after: PeopleAfter | null; limit: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Person[]> {
    const qb = manager
      .createQueryBuilder(Person, 'p')
      .leftJoinAndSelect('p.orgUnit', 'u')
      .addSelect('lower(p.family_name)', 'sort_family')
      .addSelect('lower(p.given_name)', 'sort_given');
    query.terms.forEach((term, i) => {
      qb.andWhere(
        `(p.given_name ILIKE :t${i} OR p.family_name ILIKE :t${i} OR p.email ILIKE :t${i} OR p.employee_number ILIKE :t${i})`,
        { [`t${i}`]: likeContains(term) },
      );
    });
    if (query.after) {
      const { family, given, id } = query.after;
      qb.andWhere('(lower(p.family_name), lower(p.given_name), p.id) > (:cf, :cg, :cid::uuid)', {
        cf: family,
        cg: given,
        cid: id,
      });
    }
    return qb
      .orderBy('sort_family', 'ASC')
      .addOrderBy('sort_given', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(query.limit)
      .getMany();
  }

  personWithUnit(personId: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    return manager.findOne(Person, { where: { id: personId }, relations: { orgUnit: true } });
  }

  /** Locks the person's row: every change to a person's roles or account serialises on it. */
  lockPerson(personId: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    return manager.findOne(Person, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
  }

  async setPersonActive(personId: string, active: boolean, manager: EntityManager = this.dataSource.manager) {
    await manager.update(Person, { id: personId }, { active, deactivatedAt: active ? null : new Date() });
  }

  orgUnitExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(OrgUnit, { id });
  }

  hasActiveGrant(
    grant: Pick<NewGrant, 'personId' | 'role' | 'scopeKind' | 'scopeOrgUnitId'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(RoleGrant, {
      personId: grant.personId,
      role: grant.role,
      scopeKind: grant.scopeKind,
      scopeOrgUnitId: grant.scopeOrgUnitId ?? IsNull(),
      revokedAt: IsNull(),
    });
  }

  grantOwner(grantId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(RoleGrant, { where: { id: grantId }, select: { id: true, personId: true } });
  }

  grant(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<RoleGrant> {
    return manager.findOneByOrFail(RoleGrant, { id: grantId });
  }

  async markRevoked(grant: RoleGrant, by: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    grant.revokedAt = new Date();
    grant.revokedBy = by;
    await manager.save(grant);
  }

  insertGrant(grant: NewGrant, manager: EntityManager = this.dataSource.manager): Promise<RoleGrant> {
    return manager.save(manager.create(RoleGrant, { ...grant, scopeTheme: null }));
  }

  activeGrantsOf(personIds: readonly string[], manager: EntityManager = this.dataSource.manager) {
    return manager.find(RoleGrant, {
      where: { personId: In([...personIds]), revokedAt: IsNull() },
      order: { grantedAt: 'ASC', id: 'ASC' },
    });
  }

  async unitNames(ids: readonly string[], manager: EntityManager = this.dataSource.manager) {
    if (ids.length === 0) return new Map<string, string>();
    const units = await manager.find(OrgUnit, { where: { id: In([...ids]) }, select: { id: true, name: true } });
    return new Map(units.map((u) => [u.id, u.name]));
  }

  async personNames(ids: readonly string[], manager: EntityManager = this.dataSource.manager) {
    if (ids.length === 0) return new Map<string, PersonNameRow>();
    const people = await manager.find(Person, {
      where: { id: In([...ids]) },
      select: { id: true, givenName: true, familyName: true },
    });
    return new Map<string, PersonNameRow>(
      people.map((p) => [p.id, { id: p.id, givenName: p.givenName, familyName: p.familyName }]),
    );
  }

  pendingRequests(manager: EntityManager = this.dataSource.manager): Promise<RoleGrantRequest[]> {
    return manager.find(RoleGrantRequest, { where: { status: 'pending' }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  pendingRequestFor(personId: string, role: GrantableRole, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(RoleGrantRequest, { personId, role, status: 'pending' });
  }

  /** Locks the request row (two admins deciding at once serialise; the second sees it decided). */
  lockRequest(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoleGrantRequest | null> {
    return manager.findOne(RoleGrantRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insertRequest(
    row: { personId: string; role: GrantableRole; requestedBy: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RoleGrantRequest> {
    return manager.save(
      manager.create(RoleGrantRequest, { ...row, status: 'pending', decidedBy: null, decidedAt: null, grantId: null }),
    );
  }

  async decideRequest(id: string, decision: RequestDecision, manager: EntityManager = this.dataSource.manager) {
    await manager.update(RoleGrantRequest, { id }, { ...decision, decidedAt: new Date() });
  }
}
