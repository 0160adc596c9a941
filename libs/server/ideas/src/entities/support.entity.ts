import { Entity, Index } from 'typeorm';
import { IdeaPersonRow } from './idea-person-row';

/** One person's support ("me too" on a problem). The primary key makes it one per person, even under races. */
@Entity({ name: 'support' })
@Index('ix_support_person', ['personId'])
@Index('ix_support_idea_recent', ['ideaId', 'createdAt'])
// Trending refresh range scan (WallIndexes migration).
@Index('ix_support_created', { synchronize: false })
export class Support extends IdeaPersonRow {}
