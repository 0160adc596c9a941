import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Col, CreatedRecord } from '@eclore/server-platform';
import type { Locale, SessionStatus } from '@eclore/domain';
import { Person } from '@eclore/server-identity';

/** A committee session (séance du comité): a dated meeting with members, an agenda and decisions. */
@Entity({ name: 'committee_session' })
@Index('ix_committee_session_scheduled', ['scheduledAt'])
export class CommitteeSession extends CreatedRecord {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  title!: string;

  @Col.Timestamp('scheduled_at')
  scheduledAt!: Date;

  /** The language the minutes are written in. */
  @Col.Text()
  language!: Locale;

  /** planned → in_session → closed. */
  @Column({ type: 'text', default: 'planned' })
  status!: SessionStatus;

  @Col.Timestamp('started_at', { nullable: true })
  startedAt!: Date | null;

  @Col.Timestamp('closed_at', { nullable: true })
  closedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @Col.ManyToOne(() => Person, 'created_by', { onDelete: 'RESTRICT' })
  creator?: Person;
}
