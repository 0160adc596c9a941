import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Idea } from './idea.entity';

/**
 * A link between ideas without side effects: `addresses` (a solution answers a problem) or `similar`
 * (linked from the suggestions). Linking never changes either idea's stage.
 */
@Entity({ name: 'idea_link' })
@Index('ix_idea_link_to', ['toId', 'kind'])
export class IdeaLink {
  @PrimaryColumn({ name: 'from_id', type: 'uuid' })
  fromId!: string;

  @PrimaryColumn({ name: 'to_id', type: 'uuid' })
  toId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: 'addresses' | 'similar';

  @Col.Uuid('created_by')
  createdBy!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Idea, 'from_id', { onDelete: 'CASCADE' })
  from?: Idea;

  @Col.ManyToOne(() => Idea, 'to_id', { onDelete: 'CASCADE' })
  to?: Idea;
}
