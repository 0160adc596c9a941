import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/** A note in an idea's private thread: read and written by the network and the committee in scope only. */
@Entity({ name: 'private_note' })
@Index('ix_private_note_idea', ['ideaId', 'createdAt'])
export class PrivateNote {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('author_id')
  authorId!: string;

  /** Sanitised HTML with mention elements rendered from the directory. */
  @Col.Text('body_html')
  bodyHtml!: string;

  @Column({ name: 'mentioned_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionedIds!: string[];

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => Person, 'author_id', { onDelete: 'CASCADE' })
  author?: Person;
}
