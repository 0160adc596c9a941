import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoleGrant, RoleGrantRequest } from '../entities';
import type { PersonRefDto } from '@eclore/server-platform';
import type { GrantScopeDto, RoleGrantDto, RoleGrantRequestDto } from './roles-admin.dto';
import { RolesRepository } from './roles.repository';

/** The wire shapes of grants and grant requests (one query per kind of name, whatever the count). */
@Injectable()
export class GrantViews {
  constructor(private readonly roles: RolesRepository) {}

  /** Active grants of these people, keyed by person id, with scope unit names and granters resolved. */
  async activeByPerson(personIds: readonly string[], manager?: EntityManager): Promise<Map<string, RoleGrantDto[]>> {
    const out = new Map<string, RoleGrantDto[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    const grants = await this.roles.activeGrantsOf(personIds, manager);
    const views = await this.of(grants, manager);
    grants.forEach((grant, i) => out.get(grant.personId)?.push(views[i] as RoleGrantDto));
    return out;
  }

  async of(grants: readonly RoleGrant[], manager?: EntityManager): Promise<RoleGrantDto[]> {
    const unitIds = distinct(grants.map((g) => g.scopeOrgUnitId));
    const granterIds = distinct(grants.map((g) => g.grantedBy));
    const [unitName, granter] = await readsOn(manager, [
      () => this.roles.unitNames(unitIds, manager),
      () => this.roles.personNames(granterIds, manager),
    ]);
    return grants.map((g) => ({
      id: g.id,
      role: g.role,
      scope: scopeView(g, unitName),
      grantedAt: g.grantedAt.toISOString(),
      grantedBy: g.grantedBy ? (granter.get(g.grantedBy) ?? null) : null,
    }));
  }

  async ofRequests(rows: readonly RoleGrantRequest[], manager?: EntityManager): Promise<RoleGrantRequestDto[]> {
    const ref = await this.roles.personNames(distinct(rows.flatMap((r) => [r.personId, r.requestedBy])), manager);
    const known = (id: string): PersonRefDto => ref.get(id) ?? { id, givenName: '', familyName: '' };
    return rows.map((r) => ({
      id: r.id,
      person: known(r.personId),
      role: r.role,
      requestedBy: known(r.requestedBy),
      requestedAt: r.requestedAt.toISOString(),
      status: r.status,
    }));
  }
}

function distinct(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
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
