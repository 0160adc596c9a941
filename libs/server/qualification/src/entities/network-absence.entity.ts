import { Check, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
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
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('person_id')
  personId!: string;

  @Col.Uuid('delegate_id', { nullable: true })
  delegateId!: string | null;

  @Col.Timestamp('starts_at')
  startsAt!: Date;

  @Col.Timestamp('ends_at')
  endsAt!: Date;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;

  @Col.ManyToOne(() => Person, 'delegate_id', { onDelete: 'SET NULL', nullable: true })
  delegate?: Person | null;
}
