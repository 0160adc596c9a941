import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Campaign } from '@eclore/server-ideas';

/**
 * A campaign's announcement to its audience (its org units with their subtrees, or everyone). One per
 * campaign: announcing again answers the same one, so nobody is told twice. The fan-out walks the
 * audience in person-id order and records its progress here (`cursor`), so a retried or resumed job
 * goes on where the last committed batch ended.
 */
@Entity({ name: 'campaign_announcement' })
export class CampaignAnnouncement {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Index('uq_campaign_announcement_campaign', { unique: true })
  @Col.Uuid('campaign_id')
  campaignId!: string;

  @Col.Uuid('announced_by', { nullable: true })
  announcedBy!: string | null;

  @Col.Timestamp('announced_at')
  announcedAt!: Date;

  /** Active people in the audience when it was announced (what the confirmation showed). */
  @Column({ name: 'audience_size', type: 'integer' })
  audienceSize!: number;

  /** In-app notifications written so far. */
  @Column({ type: 'integer', default: 0 })
  notified!: number;

  /** Immediate e-mails recorded so far (the others wait for their digest or are off). */
  @Column({ name: 'emails_queued', type: 'integer', default: 0 })
  emailsQueued!: number;

  /**
   * Immediate e-mails accepted by the mail server so far, counted in the statement that marks them
   * sent (so the progress is exact and costs no count over the audience).
   */
  @Column({ name: 'emails_sent', type: 'integer', default: 0 })
  emailsSent!: number;

  /** Last person id of the last committed batch (the fan-out resumes after it). */
  @Column({ type: 'uuid', nullable: true })
  cursor!: string | null;

  @Col.Timestamp('completed_at', { nullable: true })
  completedAt!: Date | null;

  @Col.ManyToOne(() => Campaign, 'campaign_id', { onDelete: 'CASCADE' })
  campaign?: Campaign;

  @Col.ManyToOne(() => Person, 'announced_by', { onDelete: 'SET NULL' })
  announcer?: Person | null;
}
