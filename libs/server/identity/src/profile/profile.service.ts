import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { NotFound, type Locale } from '@eclore/domain';
import { OrgUnit, Person } from '../entities';
import { activeGrantsByPerson } from '../roles/grant-view';
import type { ProfileDto, ProfileOrgUnitDto } from './profile.dto';

/** The signed-in person's own profile. Contributions and notification settings join it with their issues. */
@Injectable()
export class ProfileService {
  constructor(private readonly dataSource: DataSource) {}

  async get(personId: string): Promise<ProfileDto> {
    const person = await this.dataSource
      .getRepository(Person)
      .findOne({ where: { id: personId }, relations: { orgUnit: true } });
    if (!person) throw new NotFound('person', personId);
    const grants = (await activeGrantsByPerson(this.dataSource.manager, [person.id])).get(person.id) ?? [];
    return {
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
      orgUnit: person.orgUnit ? await this.unitWithPath(person.orgUnit) : null,
      roles: [
        { role: 'employee', scope: { kind: 'organisation' } },
        ...grants.map((g) => ({ role: g.role, scope: g.scope })),
      ],
      locale: person.locale,
    };
  }

  async setLocale(personId: string, locale: Locale | null): Promise<ProfileDto> {
    const result = await this.dataSource.getRepository(Person).update({ id: personId }, { locale });
    if (!result.affected) throw new NotFound('person', personId);
    return this.get(personId);
  }

  private async unitWithPath(unit: OrgUnit): Promise<ProfileOrgUnitDto> {
    const ancestors = await this.dataSource
      .getRepository(OrgUnit)
      .find({ where: { id: In(unit.path) }, select: { id: true, name: true } });
    const names = new Map(ancestors.map((u) => [u.id, u.name]));
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      path: unit.path.flatMap((id) => {
        const name = names.get(id);
        return name === undefined ? [] : [{ id, name }];
      }),
    };
  }
}
