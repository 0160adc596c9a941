import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { FileStorage } from '@eclore/server-platform';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import {
  applyErasurePlan,
  detachAnonymousIdeas,
  exportArchiveKeys,
  personForErasure,
  peopleDueForErasure,
} from './personal-data.repository';

export interface ErasureOutcome {
  personId: string;
  /** False when the person had already been erased (nothing changed, nothing audited). */
  erased: boolean;
  erasedAt: Date;
}

export interface ErasureOrigin {
  actorId: string | null;
  reason: 'admin' | 'retention';
  requestId?: string | null;
}

/**
 * Erases a person (docs/personal-data.md): anonymous authorship detached, then every step of
 * ERASURE_PLAN, then one `person.erased` audit entry, in one transaction. Idempotent: a second
 * erasure of the same person changes nothing. Built with `new` by the worker's retention job.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly audit: AuditService = new AuditService(),
  ) {}

  async erase(personId: string, origin: ErasureOrigin): Promise<ErasureOutcome> {
    const { outcome, archives } = await this.dataSource.transaction(async (manager) => {
      const person = await personForErasure(manager, personId, true);
      if (!person) throw new NotFound('person', personId);
      if (person.erasedAt) {
        return { outcome: { personId, erased: false, erasedAt: person.erasedAt }, archives: [] as string[] };
      }
      const archives = await exportArchiveKeys(manager, personId);
      await detachAnonymousIdeas(manager, personId);
      const affected = await applyErasurePlan(manager, personId, origin.actorId);
      await this.audit.append(manager, {
        actorId: origin.actorId,
        action: 'person.erased',
        subjectType: 'person',
        subjectId: personId,
        // Counts of what the plan removed only; not how many anonymous ideas were detached (that would
        // tell an admin how many anonymous ideas this person had).
        data: { reason: origin.reason, rows: affected },
        requestId: origin.requestId ?? null,
      });
      const after = await personForErasure(manager, personId);
      return { outcome: { personId, erased: true, erasedAt: after?.erasedAt ?? new Date() }, archives };
    });
    // After commit: a failed removal leaves an unreachable file (its row is gone), never a reachable one.
    for (const key of archives) await this.storage.remove(key).catch(() => undefined);
    return outcome;
  }

  /** The retention policy: erases people deactivated more than `days` ago, a batch at a time. */
  async eraseDeactivatedBefore(days: number, batch = 100): Promise<number> {
    const due = await peopleDueForErasure(this.dataSource.manager, days, batch);
    for (const id of due) await this.erase(id, { actorId: null, reason: 'retention' });
    return due.length;
  }
}

/** The admin's erasure: policy (never oneself), and the person's current name typed as confirmation. */
@Injectable()
export class AdminErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly erasure: ErasureService,
  ) {}

  async erase(actor: Actor, personId: string, confirmName: string, requestId: string | null): Promise<ErasureOutcome> {
    const person = await personForErasure(this.dataSource.manager, personId);
    if (!person) throw new NotFound('person', personId);
    this.access.assert(actor, 'person.erase', { subjectPersonId: person.id });
    if (!person.erasedAt && normalise(confirmName) !== normalise(`${person.givenName} ${person.familyName}`)) {
      throw new ValidationFailed([
        { field: 'confirmName', code: 'nameMismatch', message: "confirmName must be the person's full name" },
      ]);
    }
    return this.erasure.erase(person.id, { actorId: actor.personId, reason: 'admin', requestId });
  }
}

function normalise(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}
