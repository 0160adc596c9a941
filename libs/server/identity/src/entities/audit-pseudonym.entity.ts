import { Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { PersonOwnedRow } from './person-owned-row';

/**
 * Who stands behind an audit pseudonym. An anonymous author's own acts on their idea are audited
 * under a pseudonym stable per (person, subject), so the log still shows that one person did them,
 * without naming them; only the guardian's audited reveal of the idea resolves it. The pseudonym is
 * the row id: random, so nothing about the person can be computed from it.
 */
@Entity({ name: 'audit_pseudonym' })
@Index('uq_audit_pseudonym_person_subject', ['personId', 'subjectType', 'subjectId'], { unique: true })
export class AuditPseudonym extends PersonOwnedRow {
  @Col.Text('subject_type')
  subjectType!: string;

  @Col.Text('subject_id')
  subjectId!: string;

  @Col.CreatedAt()
  createdAt!: Date;
}
