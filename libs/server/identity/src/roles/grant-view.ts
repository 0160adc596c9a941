import { In, IsNull, type EntityManager } from 'typeorm';
import { OrgUnit, Person, RoleGrant } from '../entities';
import type { PersonRefDto, RoleGrantDto, GrantScopeDto } from './roles-admin.dto';

/** Active grants of these people, keyed by person id, with scope unit names and granters resolved. */
export async function activeGrantsByPerson(
  manager: EntityManager,
  personIds: readonly string[],
): Promise<Map<string, RoleGrantDto[]>> {
  const out = new Map<string, RoleGrantDto[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const grants = await manager.getRepository(RoleGrant).find({
    where: { personId: In([...personIds]), revokedAt: IsNull() },
    order: { grantedAt: 'ASC', id: 'ASC' },
  });
  const views = await toGrantViews(manager, grants);
  grants.forEach((grant, i) => out.get(grant.personId)?.push(views[i] as RoleGrantDto));
  return out;
}

/** The wire shape of grants (one query each for the unit names and the granters, whatever the count). */
export async function toGrantViews(manager: EntityManager, grants: readonly RoleGrant[]): Promise<RoleGrantDto[]> {
  const unitIds = [...new Set(grants.map((g) => g.scopeOrgUnitId).filter((id): id is string => id !== null))];
  const granterIds = [...new Set(grants.map((g) => g.grantedBy).filter((id): id is string => id !== null))];
  const [units, granters] = await Promise.all([
    unitIds.length
      ? manager.getRepository(OrgUnit).find({ where: { id: In(unitIds) }, select: { id: true, name: true } })
      : [],
    granterIds.length
      ? manager
          .getRepository(Person)
          .find({ where: { id: In(granterIds) }, select: { id: true, givenName: true, familyName: true } })
      : [],
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const granter = new Map<string, PersonRefDto>(
    granters.map((p) => [p.id, { id: p.id, givenName: p.givenName, familyName: p.familyName }]),
  );
  return grants.map((g) => ({
    id: g.id,
    role: g.role,
    scope: scopeView(g, unitName),
    grantedAt: g.grantedAt.toISOString(),
    grantedBy: g.grantedBy ? (granter.get(g.grantedBy) ?? null) : null,
  }));
}

function scopeView(grant: RoleGrant, unitName: ReadonlyMap<string, string>): GrantScopeDto {
  if (grant.scopeKind === 'org_unit' && grant.scopeOrgUnitId) {
    const name = unitName.get(grant.scopeOrgUnitId);
    return { kind: 'org_unit', orgUnitId: grant.scopeOrgUnitId, ...(name ? { orgUnitName: name } : {}) };
  }
  if (grant.scopeKind === 'theme' && grant.scopeTheme) return { kind: 'theme', theme: grant.scopeTheme };
  return { kind: 'organisation' };
}

/** What an audit event records of a grant: enough to read the history without joining anything. */
export function grantAuditData(grant: RoleGrant): Record<string, unknown> {
  return {
    grantId: grant.id,
    personId: grant.personId,
    role: grant.role,
    scope:
      grant.scopeKind === 'org_unit'
        ? { kind: 'org_unit', orgUnitId: grant.scopeOrgUnitId }
        : grant.scopeKind === 'theme'
          ? { kind: 'theme', theme: grant.scopeTheme }
          : { kind: 'organisation' },
  };
}
