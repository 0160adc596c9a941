import { Entity, Index } from 'typeorm';
import { IdeaPersonRow } from './idea-person-row';

@Entity({ name: 'idea_follow' })
@Index('ix_idea_follow_person', ['personId'])
export class IdeaFollow extends IdeaPersonRow {}
