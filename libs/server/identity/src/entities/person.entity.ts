import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '@eclore/domain';
import { OrgUnit } from './org-unit.entity';

/** A member of staff, from the HR directory (or created by an admin for small organisations). */
@Entity({ name: 'person' })
@Index('uq_person_email', { synchronize: false })
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_person_employee_number', { unique: true })
  @Column({ name: 'employee_number', type: 'text' })
  employeeNumber!: string;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  /** Stored as given; unique case-insensitively (index on lower(email) in the migration). */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId!: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnit | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /**
   * Set when the person was erased (docs/personal-data.md): the row then holds no identity, only the
   * id other tables (and the audit log) keep pointing at, which is the pseudonym.
   */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /** Preferred language; null = follow the browser. */
  @Column({ type: 'text', nullable: true })
  locale!: Locale | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
