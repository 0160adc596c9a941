import { Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TextColumn, CreatedAt, ManyToOneColumn } from '@eclore/server-platform';
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
  @UuidPrimary()
  id!: string;

  @UuidColumn('person_id')
  personId!: string;

  @ManyToOneColumn(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;

  @TextColumn('subject_type')
  subjectType!: string;

  @TextColumn('subject_id')
  subjectId!: string;

  @CreatedAt()
  createdAt!: Date;
}
