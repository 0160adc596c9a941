import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent, Person } from '../entities';

/** Filters of the audit log; `before` is the keyset (identity ids are monotonic). */
export interface AuditFilter {
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  before?: string | undefined;
}

export type AuditPersonRow = Pick<Person, 'id' | 'givenName' | 'familyName'>;

/** Reads of the audit log (its writes are AuditService's, inside each change's transaction). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  events(filter: AuditFilter, limit: number, manager: EntityManager = this.dataSource.manager): Promise<AuditEvent[]> {
    const qb = manager.createQueryBuilder(AuditEvent, 'e');
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.before) qb.andWhere('e.id < :before', { before: filter.before });
    return qb.orderBy('e.id', 'DESC').limit(limit).getMany();
  }

  /** `ids` may hold any subject id: only well-formed uuids can be people (subject_id is text). */
  async people(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<AuditPersonRow[]> {
    if (ids.length === 0) return [];
    return manager
      .createQueryBuilder(Person, 'p')
      .select(['p.id', 'p.givenName', 'p.familyName'])
      .where('p.id::text = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }
}
