import { PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from './idea.entity';

/**
 * The columns of a row that is one person's mark on one idea (a support, a follow): the pair is the
 * primary key, so a person marks an idea once even under races, and the mark goes with either side.
 * Not an entity: each subclass is its own table.
 */
export abstract class IdeaPersonRow {
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
