import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DirectoryImport, type OrgUnit } from '../entities';
import * as Q from './sql/directory-queries.sql';

/** One line of the imports list (LIST_IMPORTS). */
export interface ImportSummaryRow {
  id: string;
  status: DirectoryImport['status'];
  file_name: string;
  total_rows: number | null;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  deactivated_count: number;
  error_count: number;
  created_at: Date;
  finished_at: Date | null;
}

/** An active org unit (LIST_ORG_UNITS). */
export interface OrgUnitRow {
  id: string;
  code: string;
  name: string;
  kind: OrgUnit['kind'];
  parent_id: string | null;
  path: string[];
  active: boolean;
}

/** An active member of a unit (LIST_MEMBERS). */
export interface MemberRow {
  id: string;
  employee_number: string;
  given_name: string;
  family_name: string;
  email: string;
  org_unit_id: string;
}

/** A directory search hit (SEARCH_PEOPLE). */
export interface PersonCardRow {
  id: string;
  given_name: string;
  family_name: string;
  org_unit_id: string | null;
  org_unit_name: string | null;
}

/** A unit's head count of a year (HEADCOUNTS_OF_YEAR). */
export interface HeadcountRow {
  org_unit_id: string;
  code: string;
  name: string;
  kind: OrgUnit['kind'];
  parent_id: string | null;
  depth: number;
  direct_count: number;
  total_count: number;
}

/** The keyset position of a members page (null on the first page). */
export interface MembersAfter {
  family: string;
  given: string;
  id: string;
}

/** Every query of the directory API (the import's own SQL is DirectoryImportRepository's). */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertImport(
    row: Pick<DirectoryImport, 'id' | 'status' | 'fileName' | 'storageKey' | 'errors' | 'startedBy'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(DirectoryImport, row);
  }

  findImport(id: string, manager: EntityManager = this.dataSource.manager): Promise<DirectoryImport | null> {
    return manager.findOneBy(DirectoryImport, { id });
  }

  listImports(limit: number, manager: EntityManager = this.dataSource.manager): Promise<ImportSummaryRow[]> {
    return manager.query<ImportSummaryRow[]>(Q.LIST_IMPORTS, [limit]);
  }

  activeOrgUnits(manager: EntityManager = this.dataSource.manager): Promise<OrgUnitRow[]> {
    return manager.query<OrgUnitRow[]>(Q.LIST_ORG_UNITS);
  }

  async orgUnitPath(id: string, manager: EntityManager = this.dataSource.manager): Promise<string[] | null> {
    const rows = await manager.query<{ path: string[] }[]>(Q.ORG_UNIT_PATH, [id]);
    return rows[0]?.path ?? null;
  }

  members(
    unitId: string,
    options: { subtree: boolean; limit: number; after: MembersAfter | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberRow[]> {
    const { after } = options;
    return manager.query<MemberRow[]>(Q.LIST_MEMBERS, [
      unitId,
      options.subtree,
      after?.family ?? null,
      after?.given ?? null,
      after?.id ?? null,
      options.limit,
    ]);
  }

  /** `pattern` is a LIKE pattern (see prefixPattern). */
  searchPeople(
    pattern: string,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PersonCardRow[]> {
    return manager.query<PersonCardRow[]>(Q.SEARCH_PEOPLE, [pattern, limit]);
  }

  headcounts(year: number, manager: EntityManager = this.dataSource.manager): Promise<HeadcountRow[]> {
    return manager.query<HeadcountRow[]>(Q.HEADCOUNTS_OF_YEAR, [year]);
  }
}
