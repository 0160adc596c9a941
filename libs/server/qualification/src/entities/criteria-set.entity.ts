import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { Criterion } from '@eclore/domain';
import { Campaign } from '@eclore/server-ideas';

/**
 * The criteria ideas are scored against: the organisation's default set (kind `default`, at most
 * one row; without it the domain's DEFAULT_CRITERIA apply) or a campaign's own copy (kind `campaign`).
 */
@Entity({ name: 'criteria_set' })
@Index('ux_criteria_set_default', ['kind'], { unique: true, where: "kind = 'default'" })
@Index('ux_criteria_set_campaign', ['campaignId'], { unique: true, where: 'campaign_id IS NOT NULL' })
export class CriteriaSet {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  kind!: 'default' | 'campaign';

  @Col.Uuid('campaign_id', { nullable: true })
  campaignId!: string | null;

  /** Validated by the domain (validateCriteriaSet) before every write. */
  @Column({ type: 'jsonb' })
  criteria!: Criterion[];

  @VersionColumn()
  version!: number;

  @Col.Uuid('updated_by', { nullable: true })
  updatedBy!: string | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;

  @Col.ManyToOne(() => Campaign, 'campaign_id', { onDelete: 'CASCADE', nullable: true })
  campaign?: Campaign | null;
}
