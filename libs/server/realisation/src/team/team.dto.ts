import { ApiProperty } from '@nestjs/swagger';
import { INVITATION_STATUSES, TEAM_ROLES, type InvitationStatus, type TeamRole } from '@eclore/domain';
import { PersonRefDto, UuidParams, Field } from '@eclore/server-platform';

/**
 * Someone as a viewer may see them on a team: a person, or just "an author" (an anonymous author
 * is never named to anyone but themself).
 */
export class TeamPersonDto {
  @ApiProperty({ enum: ['person', 'anonymous_author'] })
  kind!: 'person' | 'anonymous_author';
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null for "an author".' })
  person!: PersonRefDto | null;
  @ApiProperty({ description: 'True when this is the viewer.' })
  isMe!: boolean;
}

export class TeamMemberDto {
  @ApiProperty({ type: TeamPersonDto })
  who!: TeamPersonDto;
  @ApiProperty({ enum: TEAM_ROLES })
  role!: TeamRole;
  @ApiProperty({ description: 'One of the idea’s authors.' })
  isAuthor!: boolean;
  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;
}

export class TeamInvitationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty()
  ideaTitle!: string;
  @ApiProperty({ type: TeamPersonDto })
  invitee!: TeamPersonDto;
  @ApiProperty({ type: TeamPersonDto })
  invitedBy!: TeamPersonDto;
  @ApiProperty({ description: 'The invitee is one of the idea’s authors ("join as an author").' })
  asAuthor!: boolean;
  @ApiProperty({ enum: INVITATION_STATUSES })
  status!: InvitationStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class TeamViewerDto {
  @ApiProperty() isMember!: boolean;
  @ApiProperty() isLead!: boolean;
  @ApiProperty({ description: 'May invite and withdraw invitations (the lead, the network in scope).' })
  canInvite!: boolean;
  @ApiProperty({ description: 'May name another lead (the network in scope).' })
  canChangeLead!: boolean;
  @ApiProperty({
    description:
      'True for an author outside the team (declined their place, or left) with no pending invitation: POST …/team/join takes it back.',
  })
  canJoinAsAuthor!: boolean;
  @ApiProperty({
    description: 'The viewer is an author kept anonymous on this idea: the team shows them as "an author".',
  })
  isAnonymousAuthor!: boolean;
  @ApiProperty({ type: TeamInvitationDto, nullable: true, description: 'The viewer’s own pending invitation.' })
  myInvitation!: TeamInvitationDto | null;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty({ type: [TeamMemberDto], description: 'Lead first, then by joining time.' })
  members!: TeamMemberDto[];
  @ApiProperty({ type: [TeamInvitationDto], description: 'Pending invitations; for the team and the network only.' })
  pendingInvitations!: TeamInvitationDto[];
  @ApiProperty({ type: TeamViewerDto })
  viewer!: TeamViewerDto;
}

export class TeamInvitationListDto {
  @ApiProperty({ type: [TeamInvitationDto], description: 'Oldest first.' })
  items!: TeamInvitationDto[];
}

/** Invites a person, or names the new lead. */
export class TeamPersonInput {
  @Field.Uuid()
  personId!: string;
}

/** `/ideas/:id/team/invitations/:invitationId`. */
export class TeamInvitationParams extends UuidParams('id', 'invitationId') {}
