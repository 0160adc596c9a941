import { Column, Entity, Index } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from './idea.entity';

/** A threaded comment (replies point at their parent); @mentions are resolved to person ids. */
@Entity({ name: 'idea_comment' })
@Index('ix_idea_comment_idea', ['ideaId', 'createdAt'])
export class IdeaComment {
  @UuidPrimary()
  id!: string;

  @UuidColumn('idea_id')
  ideaId!: string;

  @UuidColumn('parent_id', { nullable: true })
  parentId!: string | null;

  @UuidColumn('author_id')
  authorId!: string;

  /** Sanitised on the server. */
  @TextColumn('body_html')
  bodyHtml!: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentions!: string[];

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn('edited_at', { nullable: true })
  editedAt!: Date | null;

  @TimestampColumn('hidden_at', { nullable: true })
  hiddenAt!: Date | null;

  @TextColumn('hidden_reason', { nullable: true })
  hiddenReason!: string | null;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @ManyToOneColumn(() => Person, 'author_id', { onDelete: 'RESTRICT' })
  author?: Person;

  @ManyToOneColumn(() => IdeaComment, 'parent_id', { onDelete: 'CASCADE', nullable: true })
  parent?: IdeaComment | null;
}
