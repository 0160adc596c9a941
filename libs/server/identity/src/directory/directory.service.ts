import { Injectable } from '@nestjs/common';
import { NotFound } from '@eclore/domain';
import { cursorField, defineCursor } from '@eclore/server-platform';
import { prefixPattern } from '../roles/like-pattern';
import type { HeadcountsDto, OrgUnitDto, OrgUnitMembersPageDto, PersonCardDto } from './directory.dto';
import { DirectoryRepository } from './directory.repository';

/** Keyset of the members list: family and given names as stored, then id; `after` carries it. */
const membersCursor = defineCursor({ family: cursorField.text(), given: cursorField.text(), id: cursorField.uuid });

/** The directory's reads: org units, their members, people search, head counts. */
@Injectable()
export class DirectoryService {
  constructor(private readonly directory: DirectoryRepository) {}

  async orgUnits(): Promise<OrgUnitDto[]> {
    return (await this.directory.activeOrgUnits()).map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      path: r.path,
      active: r.active,
    }));
  }

  /** The unit's path (root → self), for the object-level permission check. */
  async orgUnitPath(id: string): Promise<string[]> {
    const path = await this.directory.orgUnitPath(id);
    if (!path) throw new NotFound('org_unit', id);
    return path;
  }

  async members(
    id: string,
    options: { subtree: boolean; limit: number; after?: string },
  ): Promise<OrgUnitMembersPageDto> {
    const after = options.after ? membersCursor.decode(options.after, 'after') : null;
    const rows = await this.directory.members(id, { subtree: options.subtree, limit: options.limit + 1, after });
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        employeeNumber: r.employee_number,
        givenName: r.given_name,
        familyName: r.family_name,
        email: r.email,
        orgUnitId: r.org_unit_id,
      })),
      nextCursor:
        rows.length > options.limit && last
          ? membersCursor.encode({ family: last.family_name, given: last.given_name, id: last.id })
          : null,
    };
  }

  async searchPeople(q: string, limit = 10): Promise<PersonCardDto[]> {
    return (await this.directory.searchPeople(prefixPattern(q), limit)).map((r) => ({
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
    }));
  }

  async headcounts(year: number): Promise<HeadcountsDto> {
    return {
      year,
      units: (await this.directory.headcounts(year)).map((r) => ({
        orgUnitId: r.org_unit_id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentId: r.parent_id,
        depth: r.depth,
        directCount: r.direct_count,
        totalCount: r.total_count,
      })),
    };
  }
}
