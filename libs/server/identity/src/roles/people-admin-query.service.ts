import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFound } from '@eclore/domain';
import { cursorField, defineCursor } from '@eclore/server-platform';
import type { Person } from '../entities';
import { GrantViews } from './grant-view';
import type { AdminPeoplePageDto, AdminPersonDto, ListPeopleQuery, RoleGrantDto } from './roles-admin.dto';
import { RolesRepository } from './roles.repository';

/** Keyset of the people list: lower-cased family and given names, then id. */
const peopleCursor = defineCursor({ family: cursorField.text(), given: cursorField.text(), id: cursorField.uuid });

const DEFAULT_PAGE_SIZE = 25;

/** The admin's view of people: their accounts and active grants. */
@Injectable()
export class PeopleAdminQueryService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly views: GrantViews,
  ) {}

  async list(query: ListPeopleQuery): Promise<AdminPeoplePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const terms = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    const after = query.cursor ? peopleCursor.decode(query.cursor) : null;
    const people = await this.roles.listPeople({ terms, after, limit: limit + 1 });
    const page = people.slice(0, limit);
    const last = page[page.length - 1];
    const grants = await this.views.activeByPerson(page.map((p) => p.id));
    return {
      items: page.map((p) => toAdminPerson(p, grants.get(p.id) ?? [])),
      nextCursor:
        people.length > limit && last
          ? peopleCursor.encode({
              family: last.familyName.toLowerCase(),
              given: last.givenName.toLowerCase(),
              id: last.id,
            })
          : null,
    };
  }

  /** Pass a transaction's manager to read what it wrote. */
  async get(personId: string, manager?: EntityManager): Promise<AdminPersonDto> {
    const person = await this.roles.personWithUnit(personId, manager);
    if (!person) throw new NotFound('person', personId);
    const grants = await this.views.activeByPerson([person.id], manager);
    return toAdminPerson(person, grants.get(person.id) ?? []);
  }
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
