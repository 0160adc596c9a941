import { Column, Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TimestampColumn, ManyToOneColumn } from '@eclore/server-platform';
import type { DecisionKind } from '@eclore/domain';
import { Idea } from '@eclore/server-ideas';
import { CommitteeSession } from './committee-session.entity';

/** An idea on a session's agenda, in order, with the decision taken on it in session. */
@Entity({ name: 'committee_agenda_item' })
@Index('ux_committee_agenda_item_session_idea', ['sessionId', 'ideaId'], { unique: true })
@Index('ix_committee_agenda_item_idea', ['ideaId'])
export class CommitteeAgendaItem {
  @UuidPrimary()
  id!: string;

  @UuidColumn('session_id')
  sessionId!: string;

  @UuidColumn('idea_id')
  ideaId!: string;

  /** 0-based order on the agenda. */
  @Column({ type: 'int' })
  position!: number;

  @UuidColumn('added_by')
  addedBy!: string;

  @TimestampColumn('added_at')
  addedAt!: Date;

  @Column({ type: 'text', nullable: true })
  decision!: DecisionKind | null;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  /** For a parked idea: until when. */
  @TimestampColumn('parked_until', { nullable: true })
  parkedUntil!: Date | null;

  @UuidColumn('decided_by', { nullable: true })
  decidedBy!: string | null;

  @TimestampColumn('decided_at', { nullable: true })
  decidedAt!: Date | null;

  @ManyToOneColumn(() => CommitteeSession, 'session_id', { onDelete: 'CASCADE' })
  session?: CommitteeSession;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;
}
