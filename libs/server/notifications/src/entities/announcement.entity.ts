import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'announced_by', type: 'uuid', nullable: true })
  announcedBy!: string | null;

  @Column({ name: 'announced_at', type: 'timestamptz' })
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

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'announced_by' })
  announcer?: Person | null;
}
