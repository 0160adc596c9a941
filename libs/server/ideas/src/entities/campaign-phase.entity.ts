import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Campaign } from './campaign.entity';

/**
 * A dated step of a campaign. Phases are ordered and never overlap, so at most one is active at a
 * time; each switches submissions, supports and comments on or off.
 */
@Entity({ name: 'campaign_phase' })
@Index('uq_campaign_phase_position', ['campaignId', 'position'], { unique: true })
export class CampaignPhase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'submissions_open', type: 'boolean' })
  submissionsOpen!: boolean;

  @Column({ name: 'supports_open', type: 'boolean' })
  supportsOpen!: boolean;

  @Column({ name: 'comments_open', type: 'boolean' })
  commentsOpen!: boolean;
}
