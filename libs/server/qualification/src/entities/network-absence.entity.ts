import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ name: 'delegate_id', type: 'uuid', nullable: true })
  delegateId!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: Person | null;
}
