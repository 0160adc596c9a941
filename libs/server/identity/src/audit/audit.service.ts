import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities';

export interface AuditEntry {
  actorId: string | null;
  /** Dotted verb, e.g. `role.granted`, `person.deactivated`, `directory.imported`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  data?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Appends to the audit log inside the caller's transaction: the event exists if and only if the
 * change it describes committed. The table itself refuses updates and deletes.
 */
@Injectable()
export class AuditService {
  async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      data: (entry.data ?? {}) as never,
      requestId: entry.requestId ?? null,
    });
  }
}
