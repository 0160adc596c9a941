import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
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

  @Col.Text()
  role!: 'author' | 'co_author';

  @Col.Text()
  status!: 'invited' | 'accepted' | 'declined';

  @Col.Uuid('invited_by', { nullable: true })
  invitedBy!: string | null;

  @Col.Timestamp('invited_at')
  invitedAt!: Date;

  @Col.Timestamp('responded_at', { nullable: true })
  respondedAt!: Date | null;

  /**
   * This person's credit stays hidden even if the idea is not anonymous: set when an anonymous idea
   * is merged into another and its authors become co-authors of the target.
   */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
