import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';

/** Anyone may report an idea or a comment; the network resolves it (hide with a reason, or dismiss). */
@Entity({ name: 'content_report' })
@Index('ix_content_report_open', ['createdAt'], { where: 'resolved_at IS NULL' })
/** Once per person per target, even under a double click. */
@Index('uq_content_report_reporter', ['targetType', 'targetId', 'reporterId'], { unique: true })
export class ContentReport {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text('target_type')
  targetType!: 'idea' | 'comment';

  @Col.Uuid('target_id')
  targetId!: string;

  @Col.Uuid('reporter_id')
  reporterId!: string;

  @Col.Text()
  reason!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('resolved_at', { nullable: true })
  resolvedAt!: Date | null;

  @Col.Uuid('resolved_by', { nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: 'hidden' | 'dismissed' | null;

  @Col.Text('resolution_reason', { nullable: true })
  resolutionReason!: string | null;
}
