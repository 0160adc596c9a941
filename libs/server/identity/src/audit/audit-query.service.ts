import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvent, Person } from '../entities';
import type { AuditEventDto, AuditPageDto, AuditPersonDto, AuditQuery } from './audit-query.dto';

const DEFAULT_PAGE_SIZE = 50;

/** Reads the audit log newest first; keyset on the identity id (monotonic), so pages never shift. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: AuditQuery): Promise<AuditPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.before) qb.andWhere('e.id < :before', { before: query.before });
    const events = await qb
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = events.slice(0, limit);

    const personIds = new Set<string>();
    for (const e of page) {
      if (e.actorId) personIds.add(e.actorId);
      if (e.subjectType === 'person' && e.subjectId) personIds.add(e.subjectId);
    }
    const people = personIds.size
      ? await this.dataSource
          .getRepository(Person)
          .createQueryBuilder('p')
          .select(['p.id', 'p.givenName', 'p.familyName'])
          // subject_id is text: only well-formed uuids can be people.
          .where('p.id::text = ANY(:ids)', { ids: [...personIds] })
          .getMany()
      : [];
    const byId = new Map<string, AuditPersonDto>(
      people.map((p) => [p.id, { id: p.id, givenName: p.givenName, familyName: p.familyName }]),
    );

    const items: AuditEventDto[] = page.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      actor: e.actorId ? (byId.get(e.actorId) ?? null) : null,
      actorPseudonym: e.actorPseudonym,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      subjectPerson: e.subjectType === 'person' && e.subjectId ? (byId.get(e.subjectId) ?? null) : null,
      data: e.data,
      requestId: e.requestId,
    }));
    const last = page[page.length - 1];
    return { items, nextBefore: events.length > limit && last ? last.id : null };
  }
}
