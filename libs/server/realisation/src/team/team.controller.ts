import { Body, Delete, Get, Param, Post, Put } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { TeamDto, TeamInvitationListDto, TeamInvitationParams, TeamPersonInput } from './team.dto';
import { TeamCommands } from './team-commands.service';
import { TeamQueries } from './team-queries.service';

@ApiController('realisation', 'ideas/:id/team')
export class TeamController {
  constructor(
    private readonly queries: TeamQueries,
    private readonly commands: TeamCommands,
  ) {}

  @Get()
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'getIdeaTeam',
    summary: 'The idea team as the viewer may see it (an anonymous author appears as "an author").',
    ok: TeamDto,
    errors: ['idea_not_found'],
  })
  get(@CallOn() call: CallOn): Promise<TeamDto> {
    return this.queries.get(call.actor, call.id);
  }

  @Post('invitations')
  @Endpoint({
    permission: { action: 'team.invite', objectLevel: true },
    operationId: 'inviteToIdeaTeam',
    summary:
      'Invites a person to the team (the lead or the network in scope); they are told (`team_invited`). The answer never depends on whether the person is an anonymous author of the idea (`already_member` is for named members only).',
    ok: TeamDto,
    status: 201,
    errors: [
      'validation_failed',
      'not_idea_team',
      'out_of_scope',
      'already_member',
      'already_invited',
      'idea_not_found',
    ],
  })
  invite(@CallOn() call: CallOn, @Body() input: TeamPersonInput): Promise<TeamDto> {
    return this.commands.invite(call.actor, call.id, input.personId);
  }

  @Delete('invitations/:invitationId')
  @Endpoint({
    permission: { action: 'team.invite', objectLevel: true },
    operationId: 'withdrawTeamInvitation',
    summary: 'Withdraws a pending invitation (the lead or the network in scope).',
    ok: TeamDto,
    errors: ['not_idea_team', 'out_of_scope', 'invitation_not_found', 'invitation_not_pending', 'idea_not_found'],
  })
  withdraw(@CurrentActor() actor: Actor, @Param() params: TeamInvitationParams): Promise<TeamDto> {
    return this.commands.withdraw(actor, params.id, params.invitationId);
  }

  @Put('lead')
  @Endpoint({
    permission: { action: 'team.change_lead', objectLevel: true },
    operationId: 'changeIdeaTeamLead',
    summary: 'Names another member as the team lead (the network in scope); the team is told.',
    ok: TeamDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope', 'idea_not_found'],
  })
  changeLead(@CallOn() call: CallOn, @Body() input: TeamPersonInput): Promise<TeamDto> {
    return this.commands.changeLead(call.actor, call.id, input.personId);
  }

  @Post('join')
  @Endpoint({
    permission: { action: 'team.join_as_author', objectLevel: true },
    operationId: 'joinIdeaTeamAsAuthor',
    summary:
      'An author outside the team (they declined their place, or left) takes it back; an anonymous author stays "an author" to the others.',
    ok: TeamDto,
    errors: ['not_author', 'no_idea_team', 'already_member', 'idea_not_found'],
  })
  join(@CallOn() call: CallOn): Promise<TeamDto> {
    return this.commands.joinAsAuthor(call.actor, call.id);
  }

  @Post('leave')
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'leaveIdeaTeam',
    summary: 'Leaves the team (a lead hands over first unless they are the last member).',
    ok: TeamDto,
    errors: ['not_team_member', 'team_lead_cannot_leave', 'idea_not_found'],
  })
  leave(@CallOn() call: CallOn): Promise<TeamDto> {
    return this.commands.leave(call.actor, call.id);
  }
}

@ApiController('realisation', 'team-invitations')
export class TeamInvitationsController {
  constructor(
    private readonly queries: TeamQueries,
    private readonly commands: TeamCommands,
  ) {}

  @Get('mine')
  @Endpoint({
    permission: 'team.answer_invitation',
    operationId: 'listMyTeamInvitations',
    summary: 'The signed-in person’s pending invitations to idea teams.',
    ok: TeamInvitationListDto,
  })
  mine(@CurrentActor() actor: Actor): Promise<TeamInvitationListDto> {
    return this.queries.myInvitations(actor);
  }

  @Post(':id/accept')
  @Endpoint({
    permission: { action: 'team.answer_invitation', objectLevel: true },
    operationId: 'acceptTeamInvitation',
    summary:
      'Accepts one’s own invitation and joins the team (an anonymous author stays "an author"). An anonymous author already in the team, invited by name, is answered `already_member`; one not yet in it is answered `join_as_author` (joining by that invitation would tie the name to "an author"): they join through their own invitation, or decline this one.',
    ok: TeamDto,
    errors: ['invitation_not_found', 'invitation_not_pending', 'already_member', 'join_as_author', 'idea_not_found'],
  })
  accept(@CallOn() call: CallOn): Promise<TeamDto> {
    return this.commands.answer(call.actor, call.id, true);
  }

  @Post(':id/decline')
  @Endpoint({
    permission: { action: 'team.answer_invitation', objectLevel: true },
    operationId: 'declineTeamInvitation',
    summary: 'Declines one’s own invitation.',
    ok: TeamDto,
    errors: ['invitation_not_found', 'invitation_not_pending', 'idea_not_found'],
  })
  decline(@CallOn() call: CallOn): Promise<TeamDto> {
    return this.commands.answer(call.actor, call.id, false);
  }
}
