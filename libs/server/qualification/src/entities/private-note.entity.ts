import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/** A note in an idea's private thread: read and written by the network and the committee in scope only. */
@Entity({ name: 'private_note' })
@Index('ix_private_note_idea', ['ideaId', 'createdAt'])
export class PrivateNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  /** Sanitised HTML with mention elements rendered from the directory. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  @Column({ name: 'mentioned_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionedIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: Person;
}
