import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionKind } from '@eclore/domain';
import { Idea } from '@eclore/server-ideas';
import { CommitteeSession } from './committee-session.entity';

/** An idea on a session's agenda, in order, with the decision taken on it in session. */
@Entity({ name: 'committee_agenda_item' })
@Index('ux_committee_agenda_item_session_idea', ['sessionId', 'ideaId'], { unique: true })
@Index('ix_committee_agenda_item_idea', ['ideaId'])
export class CommitteeAgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  /** 0-based order on the agenda. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy!: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  @Column({ type: 'text', nullable: true })
  decision!: DecisionKind | null;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  /** For a parked idea: until when. */
  @Column({ name: 'parked_until', type: 'timestamptz', nullable: true })
  parkedUntil!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @ManyToOne(() => CommitteeSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: CommitteeSession;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;
}
