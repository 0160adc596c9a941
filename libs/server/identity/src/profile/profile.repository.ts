import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Locale } from '@eclore/domain';
import { OrgUnit, Person } from '../entities';

/** A unit of a path: id and name. */
export type UnitNameRow = Pick<OrgUnit, 'id' | 'name'>;

/** Every query of the signed-in person's own profile. */
@Injectable()
export class ProfileRepository {
  constructor(private readonly dataSource: DataSource) {}

  personWithUnit(personId: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    return manager.findOne(Person, { where: { id: personId }, relations: { orgUnit: true } });
  }

  /** Returns whether the person exists. */
  async setLocale(personId: string, locale: Locale | null, manager: EntityManager = this.dataSource.manager) {
    const result = await manager.update(Person, { id: personId }, { locale });
    return Boolean(result.affected);
  }

  unitNames(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<UnitNameRow[]> {
    return manager.find(OrgUnit, { where: { id: In([...ids]) }, select: { id: true, name: true } });
  }
}
