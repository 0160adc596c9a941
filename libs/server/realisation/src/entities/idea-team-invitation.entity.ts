import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { InvitationStatus } from '@eclore/domain';
import { REALISATION_SCHEMA } from './schema';

/** An invitation to join an idea's team: pending until the invitee answers (or it is withdrawn). */
@Entity({ name: 'idea_team_invitation', ...REALISATION_SCHEMA })
export class IdeaTeamInvitation {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('invitee_id')
  inviteeId!: string;

  @Col.Uuid('invited_by')
  invitedBy!: string;

  @Col.Text('status', { default: 'pending' })
  status!: InvitationStatus;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('answered_at', { nullable: true })
  answeredAt!: Date | null;
}
