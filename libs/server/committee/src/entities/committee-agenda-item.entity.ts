import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { DecisionKind } from '@eclore/domain';
import { Idea } from '@eclore/server-ideas';
import { CommitteeSession } from './committee-session.entity';

/** An idea on a session's agenda, in order, with the decision taken on it in session. */
@Entity({ name: 'committee_agenda_item' })
@Index('ux_committee_agenda_item_session_idea', ['sessionId', 'ideaId'], { unique: true })
@Index('ix_committee_agenda_item_idea', ['ideaId'])
export class CommitteeAgendaItem {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('session_id')
  sessionId!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  /** 0-based order on the agenda. */
  @Column({ type: 'int' })
  position!: number;

  @Col.Uuid('added_by')
  addedBy!: string;

  @Col.Timestamp('added_at')
  addedAt!: Date;

  @Column({ type: 'text', nullable: true })
  decision!: DecisionKind | null;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  /** For a parked idea: until when. */
  @Col.Timestamp('parked_until', { nullable: true })
  parkedUntil!: Date | null;

  @Col.Uuid('decided_by', { nullable: true })
  decidedBy!: string | null;

  @Col.Timestamp('decided_at', { nullable: true })
  decidedAt!: Date | null;

  @Col.ManyToOne(() => CommitteeSession, 'session_id', { onDelete: 'CASCADE' })
  session?: CommitteeSession;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;
}
