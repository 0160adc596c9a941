import { Column, Entity, Index } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  UpdatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
import type { Locale } from '@eclore/domain';
import { OrgUnit } from './org-unit.entity';

/** A member of staff, from the HR directory (or created by an admin for small organisations). */
@Entity({ name: 'person' })
@Index('uq_person_email', { synchronize: false })
export class Person {
  @UuidPrimary()
  id!: string;

  @Index('uq_person_employee_number', { unique: true })
  @TextColumn('employee_number')
  employeeNumber!: string;

  @TextColumn('given_name')
  givenName!: string;

  @TextColumn('family_name')
  familyName!: string;

  /** Stored as given; unique case-insensitively (index on lower(email) in the migration). */
  @TextColumn()
  email!: string;

  @UuidColumn('org_unit_id', { nullable: true })
  orgUnitId!: string | null;

  @ManyToOneColumn(() => OrgUnit, 'org_unit_id', { nullable: true, onDelete: 'SET NULL' })
  orgUnit?: OrgUnit | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @TimestampColumn('deactivated_at', { nullable: true })
  deactivatedAt!: Date | null;

  /**
   * Set when the person was erased (docs/personal-data.md): the row then holds no identity, only the
   * id other tables (and the audit log) keep pointing at, which is the pseudonym.
   */
  @TimestampColumn('erased_at', { nullable: true })
  erasedAt!: Date | null;

  /** Preferred language; null = follow the browser. */
  @Column({ type: 'text', nullable: true })
  locale!: Locale | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
