import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from './idea.entity';

/** A threaded comment (replies point at their parent); @mentions are resolved to person ids. */
@Entity({ name: 'idea_comment' })
@Index('ix_idea_comment_idea', ['ideaId', 'createdAt'])
export class IdeaComment {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('parent_id', { nullable: true })
  parentId!: string | null;

  @Col.Uuid('author_id')
  authorId!: string;

  /** Sanitised on the server. */
  @Col.Text('body_html')
  bodyHtml!: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentions!: string[];

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('edited_at', { nullable: true })
  editedAt!: Date | null;

  @Col.Timestamp('hidden_at', { nullable: true })
  hiddenAt!: Date | null;

  @Col.Text('hidden_reason', { nullable: true })
  hiddenReason!: string | null;

  /** Marked adopted (retenu) by the idea's authors; null when not, or withdrawn. */
  @Col.Timestamp('adopted_at', { nullable: true })
  adoptedAt!: Date | null;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => Person, 'author_id', { onDelete: 'RESTRICT' })
  author?: Person;

  @Col.ManyToOne(() => IdeaComment, 'parent_id', { onDelete: 'CASCADE', nullable: true })
  parent?: IdeaComment | null;
}
