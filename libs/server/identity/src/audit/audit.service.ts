import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities';
import { pseudonymFor } from './audit-pseudonym.repository';

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
 * Tells whether the actor acts on the subject as one of its hidden (anonymous) authors. Registered by
 * the context that owns the subject (the ideas context for `idea`), so the audit writer needs no
 * knowledge of ideas and no command can forget to ask.
 */
export type ActorConcealment = (
  manager: EntityManager,
  entry: { actorId: string; subjectType: string; subjectId: string },
) => Promise<boolean>;

/**
 * Appends to the audit log inside the caller's transaction: the event exists if and only if the
 * change it describes committed. The table itself refuses updates and deletes.
 *
 * An anonymous author's own acts on their idea are recorded under a pseudonym (stable per person and
 * idea) instead of their id: admins read the log, and an entry "person X linked idea Y" would name
 * the author. Only the guardian's audited reveal resolves the pseudonym.
 */
@Injectable()
export class AuditService {
  private readonly concealments: ActorConcealment[] = [];

  /** Called by a context when its module starts (like `IdeaCommandHooks.register`). */
  registerConcealment(concealment: ActorConcealment): void {
    if (!this.concealments.includes(concealment)) this.concealments.push(concealment);
  }

  async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const actor = await this.actorOf(manager, entry);
    await manager.insert(AuditEvent, {
      ...actor,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      data: (entry.data ?? {}) as never,
      requestId: entry.requestId ?? null,
    });
  }

  private async actorOf(
    manager: EntityManager,
    { actorId, subjectType, subjectId }: AuditEntry,
  ): Promise<{ actorId: string | null; actorPseudonym: string | null }> {
    if (actorId === null || subjectId === null) return { actorId, actorPseudonym: null };
    for (const concealed of this.concealments) {
      if (await concealed(manager, { actorId, subjectType, subjectId })) {
        return { actorId: null, actorPseudonym: await pseudonymFor(manager, actorId, subjectType, subjectId) };
      }
    }
    return { actorId, actorPseudonym: null };
  }
}
