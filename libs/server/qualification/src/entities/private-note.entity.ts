import { Column, Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TextColumn, CreatedAt, ManyToOneColumn } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/** A note in an idea's private thread: read and written by the network and the committee in scope only. */
@Entity({ name: 'private_note' })
@Index('ix_private_note_idea', ['ideaId', 'createdAt'])
export class PrivateNote {
  @UuidPrimary()
  id!: string;

  @UuidColumn('idea_id')
  ideaId!: string;

  @UuidColumn('author_id')
  authorId!: string;

  /** Sanitised HTML with mention elements rendered from the directory. */
  @TextColumn('body_html')
  bodyHtml!: string;

  @Column({ name: 'mentioned_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionedIds!: string[];

  @CreatedAt()
  createdAt!: Date;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @ManyToOneColumn(() => Person, 'author_id', { onDelete: 'CASCADE' })
  author?: Person;
}
