import { Column, Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TimestampColumn, TextColumn, CreatedAt } from '@eclore/server-platform';

/** Anyone may report an idea or a comment; the network resolves it (hide with a reason, or dismiss). */
@Entity({ name: 'content_report' })
@Index('ix_content_report_open', ['createdAt'], { where: 'resolved_at IS NULL' })
/** Once per person per target, even under a double click. */
@Index('uq_content_report_reporter', ['targetType', 'targetId', 'reporterId'], { unique: true })
export class ContentReport {
  @UuidPrimary()
  id!: string;

  @TextColumn('target_type')
  targetType!: 'idea' | 'comment';

  @UuidColumn('target_id')
  targetId!: string;

  @UuidColumn('reporter_id')
  reporterId!: string;

  @TextColumn()
  reason!: string;

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn('resolved_at', { nullable: true })
  resolvedAt!: Date | null;

  @UuidColumn('resolved_by', { nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: 'hidden' | 'dismissed' | null;

  @TextColumn('resolution_reason', { nullable: true })
  resolutionReason!: string | null;
}
