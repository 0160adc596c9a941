import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { NetworkAbsence } from '../entities';

/** A new absence as the member declares it. */
export interface NewAbsence {
  personId: string;
  delegateId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** The network_absence table: members' absences and their delegates. */
@Injectable()
export class AbsencesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The person's absences not yet over, with their delegate, earliest first. */
  upcomingOf(personId: string, now: Date, manager = this.ds.manager): Promise<NetworkAbsence[]> {
    return manager.find(NetworkAbsence, {
      where: { personId, endsAt: MoreThan(now) },
      relations: { delegate: true },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** Inserts it; returns its id. */
  async insert(absence: NewAbsence, manager = this.ds.manager): Promise<string> {
    const inserted = await manager.insert(NetworkAbsence, absence);
    return String(inserted.identifiers[0]!['id']);
  }

  ownedBy(id: string, personId: string, manager = this.ds.manager): Promise<NetworkAbsence | null> {
    return manager.findOne(NetworkAbsence, { where: { id, personId } });
  }

  async delete(id: string, manager = this.ds.manager): Promise<void> {
    await manager.delete(NetworkAbsence, { id });
  }
}
