import { Injectable } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import type { PersonRefDto } from '@eclore/server-platform';
import type { AuditEventDto, AuditPageDto, AuditQuery } from './audit-query.dto';

const DEFAULT_PAGE_SIZE = 50;

/** Reads the audit log newest first; keyset on the identity id (monotonic), so pages never shift. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly audit: AuditRepository) {}

  async page(query: AuditQuery): Promise<AuditPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const events = await this.audit.events(query, limit + 1);
    const page = events.slice(0, limit);

    const personIds = new Set<string>();
    for (const e of page) {
      if (e.actorId) personIds.add(e.actorId);
      if (e.subjectType === 'person' && e.subjectId) personIds.add(e.subjectId);
    }
    const people = await this.audit.people([...personIds]);
    const byId = new Map<string, PersonRefDto>(
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
