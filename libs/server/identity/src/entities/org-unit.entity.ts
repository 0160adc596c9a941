import { Column, Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TextColumn, CreatedAt, UpdatedAt, ManyToOneColumn } from '@eclore/server-platform';

export const ORG_UNIT_KINDS = ['direction', 'service', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** A node of the organisation tree (direction → service → unit), keyed by the HR system's code. */
@Entity({ name: 'org_unit' })
export class OrgUnit {
  @UuidPrimary()
  id!: string;

  @Index('uq_org_unit_code', { unique: true })
  @TextColumn()
  code!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  kind!: OrgUnitKind;

  @UuidColumn('parent_id', { nullable: true })
  parentId!: string | null;

  @ManyToOneColumn(() => OrgUnit, 'parent_id', { nullable: true, onDelete: 'RESTRICT' })
  parent?: OrgUnit | null;

  /** Ids from the root down to this unit, inclusive: subtree checks are one array test. */
  @Index('ix_org_unit_path', { synchronize: false })
  @UuidColumn('path', { array: true })
  path!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
