import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@eclore/server-identity';

/**
 * True when the person is, on this idea, someone whose identity is hidden: its author, a co-author
 * (accepted or invited) or its capturer when the idea is anonymous, or a co-author whose credit stays
 * hidden after their anonymous idea was merged into this one.
 */
const ACTS_AS_HIDDEN_AUTHOR = `
  SELECT EXISTS (
    SELECT 1 FROM idea i
    WHERE i.id = $1::uuid
      AND (
        (i.anonymous AND ($2::uuid IN (i.author_id, i.captured_by)
          OR EXISTS (SELECT 1 FROM idea_author a WHERE a.idea_id = i.id AND a.person_id = $2::uuid)))
        OR EXISTS (SELECT 1 FROM idea_author a WHERE a.idea_id = i.id AND a.person_id = $2::uuid AND a.anonymous)
      )
  ) AS hidden`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function actsAsHiddenAuthor(
  manager: EntityManager,
  entry: { actorId: string; subjectType: string; subjectId: string },
): Promise<boolean> {
  if (entry.subjectType !== 'idea' || !UUID.test(entry.subjectId)) return false;
  const [row] = await manager.query<{ hidden: boolean }[]>(ACTS_AS_HIDDEN_AUTHOR, [entry.subjectId, entry.actorId]);
  return row?.hidden === true;
}

/** Makes every audit entry about an idea pseudonymise its anonymous authors (whoever writes it). */
@Injectable()
export class IdeaAuditConcealment implements OnModuleInit {
  constructor(private readonly audit: AuditService) {}

  onModuleInit(): void {
    this.audit.registerConcealment(actsAsHiddenAuthor);
  }
}
