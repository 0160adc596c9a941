import { Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORG_UNIT_KINDS = ['direction', 'service', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** A node of the organisation tree (direction → service → unit), keyed by the HR system's code. */
@Entity({ name: 'org_unit' })
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrgUnitKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnit | null;

  /** Ids from the root down to this unit, inclusive: subtree checks are one array test. */
  @Index('ix_org_unit_path', { synchronize: false })
  @Column({ name: 'path', type: 'uuid', array: true })
  path!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
