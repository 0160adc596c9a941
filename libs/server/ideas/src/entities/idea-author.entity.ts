import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@eclore/server-identity';
import { Idea } from './idea.entity';

/** The author and invited co-authors of an idea; a co-author counts once they accept. */
@Entity({ name: 'idea_author' })
@Index('ix_idea_author_person', ['personId'])
export class IdeaAuthor {
  @PrimaryColumn({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  role!: 'author' | 'co_author';

  @Column({ type: 'text' })
  status!: 'invited' | 'accepted' | 'declined';

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @Column({ name: 'invited_at', type: 'timestamptz' })
  invitedAt!: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  /**
   * This person's credit stays hidden even if the idea is not anonymous: set when an anonymous idea
   * is merged into another and its authors become co-authors of the target.
   */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;
}
