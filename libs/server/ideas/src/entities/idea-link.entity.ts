import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
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

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_id' })
  from?: Idea;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_id' })
  to?: Idea;
}
