import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';

/**
 * Active people per org unit (its whole subtree) and year: the denominator of the participation
 * rate. Each directory import of a year replaces that year's figures; past years stay as they were.
 */
@Entity({ name: 'org_unit_headcount' })
export class OrgUnitHeadcount {
  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  /** People whose unit is exactly this one. */
  @Column({ name: 'direct_count', type: 'integer' })
  directCount!: number;

  /** People in this unit and all units below it. */
  @Column({ name: 'total_count', type: 'integer' })
  totalCount!: number;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
