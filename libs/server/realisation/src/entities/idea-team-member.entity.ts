import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { TeamRole } from '@eclore/domain';
import { REALISATION_SCHEMA } from './schema';

/** A person in an idea's team. An anonymous author's row is never shown with a name to others. */
@Entity({ name: 'idea_team_member', ...REALISATION_SCHEMA })
export class IdeaTeamMember {
  @PrimaryColumn({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Col.Text('role')
  role!: TeamRole;

  @Column({ name: 'is_author', type: 'boolean', default: false })
  isAuthor!: boolean;

  @Col.CreatedAt('joined_at')
  joinedAt!: Date;
}
