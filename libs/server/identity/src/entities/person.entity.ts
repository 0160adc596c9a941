import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { Locale } from '@eclore/domain';
import { OrgUnit } from './org-unit.entity';

/** A member of staff, from the HR directory (or created by an admin for small organisations). */
@Entity({ name: 'person' })
@Index('uq_person_email', { synchronize: false })
export class Person {
  @Col.UuidPrimary()
  id!: string;

  @Index('uq_person_employee_number', { unique: true })
  @Col.Text('employee_number')
  employeeNumber!: string;

  @Col.Text('given_name')
  givenName!: string;

  @Col.Text('family_name')
  familyName!: string;

  /** Stored as given; unique case-insensitively (index on lower(email) in the migration). */
  @Col.Text()
  email!: string;

  @Col.Uuid('org_unit_id', { nullable: true })
  orgUnitId!: string | null;

  @Col.ManyToOne(() => OrgUnit, 'org_unit_id', { nullable: true, onDelete: 'SET NULL' })
  orgUnit?: OrgUnit | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Col.Timestamp('deactivated_at', { nullable: true })
  deactivatedAt!: Date | null;

  /**
   * Set when the person was erased (docs/personal-data.md): the row then holds no identity, only the
   * id other tables (and the audit log) keep pointing at, which is the pseudonym.
   */
  @Col.Timestamp('erased_at', { nullable: true })
  erasedAt!: Date | null;

  /** Preferred language; null = follow the browser. */
  @Column({ type: 'text', nullable: true })
  locale!: Locale | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
