import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Campaign } from './campaign.entity';

/**
 * A dated step of a campaign. Phases are ordered and never overlap, so at most one is active at a
 * time; each switches submissions, supports and comments on or off.
 */
@Entity({ name: 'campaign_phase' })
@Index('uq_campaign_phase_position', ['campaignId', 'position'], { unique: true })
export class CampaignPhase {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('campaign_id')
  campaignId!: string;

  @Col.ManyToOne(() => Campaign, 'campaign_id', { onDelete: 'CASCADE' })
  campaign?: Campaign;

  @Column({ type: 'integer' })
  position!: number;

  @Col.Text()
  name!: string;

  @Col.Timestamp('starts_at')
  startsAt!: Date;

  @Col.Timestamp('ends_at')
  endsAt!: Date;

  @Column({ name: 'submissions_open', type: 'boolean' })
  submissionsOpen!: boolean;

  @Column({ name: 'supports_open', type: 'boolean' })
  supportsOpen!: boolean;

  @Column({ name: 'comments_open', type: 'boolean' })
  commentsOpen!: boolean;
}
