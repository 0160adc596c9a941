import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Idea } from './idea.entity';

/**
 * The idea's history: every transition and notable act. `public` events form the timeline everyone
 * sees on the idea page; the actor of an event done by an anonymous author is never exposed.
 */
@Entity({ name: 'idea_event' })
@Index('ix_idea_event_idea', ['ideaId', 'id'])
// The annual report's partial indexes over transitions (AnnualReportIndexes migration).
@Index('ix_idea_event_status_change', { synchronize: false })
@Index('ix_idea_event_transition_type', { synchronize: false })
export class IdeaEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Text()
  type!: string;

  @Col.Text('from_status', { nullable: true })
  fromStatus!: string | null;

  @Col.Text('to_status', { nullable: true })
  toStatus!: string | null;

  @Col.Uuid('actor_id', { nullable: true })
  actorId!: string | null;

  @Column({ type: 'boolean' })
  public!: boolean;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Col.CreatedAt('occurred_at')
  occurredAt!: Date;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;
}
