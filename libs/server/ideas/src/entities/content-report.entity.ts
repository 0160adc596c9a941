import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Anyone may report an idea or a comment; the network resolves it (hide with a reason, or dismiss). */
@Entity({ name: 'content_report' })
@Index('ix_content_report_open', ['createdAt'], { where: 'resolved_at IS NULL' })
/** Once per person per target, even under a double click. */
@Index('uq_content_report_reporter', ['targetType', 'targetId', 'reporterId'], { unique: true })
export class ContentReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType!: 'idea' | 'comment';

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: 'hidden' | 'dismissed' | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason!: string | null;
}
