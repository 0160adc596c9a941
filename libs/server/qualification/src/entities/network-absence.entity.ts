import { Check, Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TimestampColumn, CreatedAt, ManyToOneColumn } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';

/**
 * A network member's absence period (holiday, leave) and who takes their reviews meanwhile. While it
 * runs, routing gives their share to the delegate.
 */
@Entity({ name: 'network_absence' })
@Check('ck_network_absence_period', 'ends_at > starts_at')
@Check('ck_network_absence_delegate', 'delegate_id IS NULL OR delegate_id <> person_id')
@Index('ix_network_absence_person', ['personId', 'endsAt'])
export class NetworkAbsence {
  @UuidPrimary()
  id!: string;

  @UuidColumn('person_id')
  personId!: string;

  @UuidColumn('delegate_id', { nullable: true })
  delegateId!: string | null;

  @TimestampColumn('starts_at')
  startsAt!: Date;

  @TimestampColumn('ends_at')
  endsAt!: Date;

  @CreatedAt()
  createdAt!: Date;

  @ManyToOneColumn(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;

  @ManyToOneColumn(() => Person, 'delegate_id', { onDelete: 'SET NULL', nullable: true })
  delegate?: Person | null;
}
