import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from './idea.entity';

/** One person's support ("me too" on a problem). The primary key makes it one per person, even under races. */
@Entity({ name: 'support' })
@Index('ix_support_person', ['personId'])
@Index('ix_support_idea_recent', ['ideaId', 'createdAt'])
// Trending refresh range scan (WallIndexes migration).
@Index('ix_support_created', { synchronize: false })
export class Support {
  @PrimaryColumn({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
