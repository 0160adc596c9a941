import { In, type EntityManager } from 'typeorm';
import { OrgUnit, Person } from '../entities';

/**
 * Reads of the directory (people, org units) for the other contexts: they read identity's tables
 * only through these functions, inside their own transaction when they pass its manager.
 */

export function findPerson(manager: EntityManager, id: string): Promise<Person | null> {
  return manager.getRepository(Person).findOneBy({ id });
}

export function findActivePerson(manager: EntityManager, id: string): Promise<Person | null> {
  return manager.getRepository(Person).findOneBy({ id, active: true });
}

export async function findPeople(manager: EntityManager, ids: readonly string[]): Promise<Person[]> {
  return ids.length ? manager.getRepository(Person).findBy({ id: In([...ids]) }) : [];
}

export function findOrgUnit(manager: EntityManager, id: string): Promise<OrgUnit | null> {
  return manager.getRepository(OrgUnit).findOneBy({ id });
}

export function findActiveOrgUnit(manager: EntityManager, id: string): Promise<OrgUnit | null> {
  return manager.getRepository(OrgUnit).findOneBy({ id, active: true });
}

export async function findOrgUnits(manager: EntityManager, ids: readonly string[]): Promise<OrgUnit[]> {
  return ids.length ? manager.getRepository(OrgUnit).findBy({ id: In([...ids]) }) : [];
}
