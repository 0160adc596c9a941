import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import { AbsencesRepository } from './absences.repository';
import type { AbsenceDto, CreateAbsenceInput } from './absences.dto';
import { RoutingRepository } from './routing.repository';

/** A network member's own absences and delegate: routing gives their new work to the delegate meanwhile. */
@Injectable()
export class AbsencesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly repo: AbsencesRepository,
    private readonly routing: RoutingRepository,
  ) {}

  async list(actor: Actor): Promise<AbsenceDto[]> {
    const rows = await this.repo.upcomingOf(actor.personId, new Date());
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      delegate: r.delegate
        ? { id: r.delegate.id, givenName: r.delegate.givenName, familyName: r.delegate.familyName }
        : null,
      current: r.startsAt.getTime() <= now,
    }));
  }

  async create(actor: Actor, input: CreateAbsenceInput, requestId: string | null): Promise<AbsenceDto[]> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw new ValidationFailed([
        { field: 'endsAt', code: 'before_start', message: 'The end must be after the start.' },
      ]);
    }
    if (endsAt.getTime() <= Date.now()) {
      throw new ValidationFailed([
        { field: 'endsAt', code: 'must_be_future', message: 'The absence must end in the future.' },
      ]);
    }
    if (input.delegateId !== undefined) {
      const [delegate] =
        input.delegateId === actor.personId ? [] : await this.routing.networkMembers(new Date(), [input.delegateId]);
      if (!delegate) {
        throw new ValidationFailed([
          {
            field: 'delegateId',
            code: 'not_network_member',
            message: 'The delegate must be another active network member.',
          },
        ]);
      }
    }
    await this.ds.transaction(async (manager) => {
      const id = await this.repo.insert(
        { personId: actor.personId, delegateId: input.delegateId ?? null, startsAt, endsAt },
        manager,
      );
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'network.absence_set',
        subjectType: 'network_absence',
        subjectId: id,
        data: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), delegateId: input.delegateId ?? null },
        requestId,
      });
    });
    return this.list(actor);
  }

  async remove(actor: Actor, id: string, requestId: string | null): Promise<void> {
    await this.ds.transaction(async (manager) => {
      const row = await this.repo.ownedBy(id, actor.personId, manager);
      if (!row) throw new NotFound('absence', id);
      await this.repo.delete(id, manager);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'network.absence_removed',
        subjectType: 'network_absence',
        subjectId: id,
        requestId,
      });
    });
  }
}
