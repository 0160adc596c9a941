import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'default' | 'campaign';

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** Validated by the domain (validateCriteriaSet) before every write. */
  @Column({ type: 'jsonb' })
  criteria!: Criterion[];

  @VersionColumn()
  version!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign | null;
}
