import { Column, Entity, Index, VersionColumn } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  UpdatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
import type { Locale, SessionStatus } from '@eclore/domain';
import { Person } from '@eclore/server-identity';

/** A committee session (séance du comité): a dated meeting with members, an agenda and decisions. */
@Entity({ name: 'committee_session' })
@Index('ix_committee_session_scheduled', ['scheduledAt'])
export class CommitteeSession {
  @UuidPrimary()
  id!: string;

  @TextColumn()
  title!: string;

  @TimestampColumn('scheduled_at')
  scheduledAt!: Date;

  /** The language the minutes are written in. */
  @TextColumn()
  language!: Locale;

  /** planned → in_session → closed. */
  @Column({ type: 'text', default: 'planned' })
  status!: SessionStatus;

  @UuidColumn('created_by')
  createdBy!: string;

  @TimestampColumn('started_at', { nullable: true })
  startedAt!: Date | null;

  @TimestampColumn('closed_at', { nullable: true })
  closedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOneColumn(() => Person, 'created_by', { onDelete: 'RESTRICT' })
  creator?: Person;
}
