import { In, IsNull, type EntityManager } from 'typeorm';
import type { Role, RoleScope, ScopeTarget } from '@eclore/domain';
import { OrgUnit, Person, RoleGrant } from '../entities';

/**
 * The identity context's reads that other contexts use (people, their grants, org units): they read
 * these tables only through here.
 */

/** The people with these ids (the active ones only when asked), in no particular order. */
export async function peopleByIds(
  manager: EntityManager,
  ids: readonly string[],
  options: { activeOnly?: boolean } = {},
): Promise<Person[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return manager.find(Person, { where: { id: In(unique), ...(options.activeOnly ? { active: true } : {}) } });
}

/** The same, keyed by id. */
export async function peopleMap(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Person>> {
  return new Map((await peopleByIds(manager, ids)).map((p) => [p.id, p]));
}

/** The unrevoked grants of these people. */
export async function activeGrantsOf(manager: EntityManager, personIds: readonly string[]): Promise<RoleGrant[]> {
  if (personIds.length === 0) return [];
  return manager.find(RoleGrant, { where: { personId: In([...personIds]), revokedAt: IsNull() } });
}

/** Which of these people are active and hold the role (any scope). */
export async function activeHoldersAmong(
  manager: EntityManager,
  personIds: readonly string[],
  role: RoleGrant['role'],
): Promise<Set<string>> {
  const grants = await manager.find(RoleGrant, {
    where: { personId: In([...personIds]), role, revokedAt: IsNull(), person: { active: true } },
    relations: { person: true },
  });
  return new Set(grants.map((g) => g.personId));
}

/** Active people holding the role (any scope), by family then given name. */
export function activeRoleHolders(manager: EntityManager, role: Role): Promise<Person[]> {
  return manager
    .getRepository(Person)
    .createQueryBuilder('p')
    .where('p.active')
    .andWhere(
      `EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = :role AND g.revoked_at IS NULL)`,
      { role },
    )
    .orderBy('p.family_name')
    .addOrderBy('p.given_name')
    .getMany();
}

/** A role_grant row's scope columns as the policy's RoleScope. */
export function grantScope(
  kind: 'organisation' | 'org_unit' | 'theme',
  orgUnitId: string | null,
  theme: string | null,
): RoleScope {
  if (kind === 'org_unit') return { kind: 'org_unit', orgUnitId: orgUnitId! };
  if (kind === 'theme') return { kind: 'theme', theme: theme! };
  return { kind: 'organisation' };
}

/** Active people holding the role with a scope covering the target (as scopeCovers decides), by id. */
export async function peopleWithRoleCovering(
  manager: EntityManager,
  role: Role,
  target: ScopeTarget,
): Promise<string[]> {
  const rows: { person_id: string }[] = await manager.query(
    `SELECT DISTINCT g.person_id FROM role_grant g JOIN person p ON p.id = g.person_id
      WHERE g.role = $1 AND g.revoked_at IS NULL AND p.active
        AND (g.scope_kind = 'organisation'
             OR (g.scope_kind = 'org_unit' AND g.scope_org_unit_id = ANY($2::uuid[]))
             OR (g.scope_kind = 'theme' AND g.scope_theme = ANY($3::text[])))
      ORDER BY g.person_id`,
    [role, target.orgUnitPath, target.themes ?? []],
  );
  return rows.map((r) => r.person_id);
}

/** The org units with these ids. */
export function orgUnitsByIds(manager: EntityManager, ids: readonly string[]): Promise<OrgUnit[]> {
  return manager.findBy(OrgUnit, { id: In([...ids]) });
}
