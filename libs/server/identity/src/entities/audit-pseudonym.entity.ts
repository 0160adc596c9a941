import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

/**
 * Who stands behind an audit pseudonym. An anonymous author's own acts on their idea are audited
 * under a pseudonym stable per (person, subject), so the log still shows that one person did them,
 * without naming them; only the guardian's audited reveal of the idea resolves it.
 */
@Entity({ name: 'audit_pseudonym' })
@Index('uq_audit_pseudonym_person_subject', ['personId', 'subjectType', 'subjectId'], { unique: true })
export class AuditPseudonym {
  /** The pseudonym itself: random, so nothing about the person can be computed from it. */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
