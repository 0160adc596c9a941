import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, ManyToOneColumn } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from './idea.entity';

@Entity({ name: 'idea_follow' })
@Index('ix_idea_follow_person', ['personId'])
export class IdeaFollow {
  @PrimaryColumn({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @CreatedAt()
  createdAt!: Date;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @ManyToOneColumn(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
