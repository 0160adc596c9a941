import { Injectable } from '@nestjs/common';
import { NotFound, type Locale } from '@eclore/domain';
import type { OrgUnit } from '../entities';
import { GrantViews } from '../roles/grant-view';
import type { ProfileDto, ProfileOrgUnitDto } from './profile.dto';
import { ProfileRepository } from './profile.repository';

/** The signed-in person's own profile. Contributions and notification settings join it with their issues. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly grants: GrantViews,
  ) {}

  async get(personId: string): Promise<ProfileDto> {
    const person = await this.profiles.personWithUnit(personId);
    if (!person) throw new NotFound('person', personId);
    const grants = (await this.grants.activeByPerson([person.id])).get(person.id) ?? [];
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
    if (!(await this.profiles.setLocale(personId, locale))) throw new NotFound('person', personId);
    return this.get(personId);
  }

  private async unitWithPath(unit: OrgUnit): Promise<ProfileOrgUnitDto> {
    const ancestors = await this.profiles.unitNames(unit.path);
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
