import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';

export const ORG_UNIT_KINDS = ['direction', 'service', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** A node of the organisation tree (direction → service → unit), keyed by the HR system's code. */
@Entity({ name: 'org_unit' })
export class OrgUnit {
  @Col.UuidPrimary()
  id!: string;

  @Index('uq_org_unit_code', { unique: true })
  @Col.Text()
  code!: string;

  @Col.Text()
  name!: string;

  @Col.Text()
  kind!: OrgUnitKind;

  @Col.Uuid('parent_id', { nullable: true })
  parentId!: string | null;

  @Col.ManyToOne(() => OrgUnit, 'parent_id', { nullable: true, onDelete: 'RESTRICT' })
  parent?: OrgUnit | null;

  /** Ids from the root down to this unit, inclusive: subtree checks are one array test. */
  @Index('ix_org_unit_path', { synchronize: false })
  @Col.Uuid('path', { array: true })
  path!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
