import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import {
  AddAgendaItemInput,
  AgendaItemParams,
  AgendaSuggestionDto,
  CloseSessionInput,
  CommitteeMemberDto,
  PreReadingPackDto,
  PrioritisationDto,
  ReorderAgendaInput,
  CommitteeSessionDto,
  SessionIdParams,
  CommitteeSessionInput,
  CommitteeSessionSummaryDto,
} from './sessions.dto';
import { AgendaService } from './agenda.service';
import { SessionCommandsService } from './session-commands.service';
import { SessionsService } from './sessions.service';

const NOT_FOUND = '`committee_session_not_found`.';
const COMMITTEE_ONLY =
  'Committee members only (`role_required`); an idea outside a scoped member’s unit: `out_of_scope`.';

@ApiTags('committee')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiForbiddenResponse({ description: COMMITTEE_ONLY })
@Controller('committee')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly commands: SessionCommandsService,
    private readonly agenda: AgendaService,
  ) {}

  @Get('sessions')
  @RequirePermission('committee.read')
  @ApiOperation({ operationId: 'listCommitteeSessions', summary: 'Committee sessions, latest first.' })
  @ApiOkResponse({ type: [CommitteeSessionSummaryDto] })
  list(@CurrentActor() actor: Actor): Promise<CommitteeSessionSummaryDto[]> {
    return this.sessions.list(actor);
  }

  @Get('members')
  @RequirePermission('committee.read')
  @ApiOperation({
    operationId: 'listCommitteeMembers',
    summary: 'Active committee members (who may sit in a session).',
  })
  @ApiOkResponse({ type: [CommitteeMemberDto] })
  members(@CurrentActor() actor: Actor): Promise<CommitteeMemberDto[]> {
    return this.sessions.committeeMembers(actor);
  }

  @Post('sessions')
  @RequirePermission('committee.manage')
  @ApiOperation({
    operationId: 'createCommitteeSession',
    summary: 'Plan a session: date, title, minutes language, members and chair.',
  })
  @ApiCreatedResponse({ type: CommitteeSessionDto })
  @ApiBadRequestResponse({ description: 'Field problems, e.g. a member who is not on the committee (`memberIds`).' })
  create(@CurrentActor() actor: Actor, @Body() input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    return this.commands.create(actor, input);
  }

  @Get('sessions/:id')
  @RequirePermission('committee.read')
  @ApiOperation({
    operationId: 'getCommitteeSession',
    summary: 'A session with its members and agenda (decisions included).',
  })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentActor() actor: Actor, @Param() params: SessionIdParams): Promise<CommitteeSessionDto> {
    return this.sessions.get(actor, params.id);
  }

  @Patch('sessions/:id')
  @RequirePermission('committee.manage')
  @ApiOperation({
    operationId: 'updateCommitteeSession',
    summary: 'Change a planned session (date, title, language, members).',
  })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiBadRequestResponse({ description: 'Field problems.' })
  @ApiConflictResponse({ description: '`session_status` (no longer planned).' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  update(
    @CurrentActor() actor: Actor,
    @Param() params: SessionIdParams,
    @Body() input: CommitteeSessionInput,
  ): Promise<CommitteeSessionDto> {
    return this.commands.update(actor, params.id, input);
  }

  @Post('sessions/:id/start')
  @HttpCode(200)
  @RequirePermission('committee.manage')
  @ApiOperation({ operationId: 'startCommitteeSession', summary: 'Open the session: decisions can be taken.' })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiConflictResponse({ description: '`session_status`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  start(@CurrentActor() actor: Actor, @Param() params: SessionIdParams): Promise<CommitteeSessionDto> {
    return this.commands.start(actor, params.id);
  }

  @Post('sessions/:id/close')
  @HttpCode(200)
  @RequirePermission('committee.manage')
  @ApiOperation({ operationId: 'closeCommitteeSession', summary: 'Close the session, recording who attended.' })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiBadRequestResponse({ description: '`presentIds` names someone who is not a member.' })
  @ApiConflictResponse({ description: '`session_status`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  close(
    @CurrentActor() actor: Actor,
    @Param() params: SessionIdParams,
    @Body() input: CloseSessionInput,
  ): Promise<CommitteeSessionDto> {
    return this.commands.close(actor, params.id, input);
  }

  @Get('sessions/:id/suggestions')
  @RequirePermission('committee.read')
  @ApiOperation({
    operationId: 'listAgendaSuggestions',
    summary: 'Qualified ideas in the viewer’s scope that are on no open agenda yet.',
  })
  @ApiOkResponse({ type: AgendaSuggestionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  suggestions(@CurrentActor() actor: Actor, @Param() params: SessionIdParams): Promise<AgendaSuggestionDto> {
    return this.sessions.suggestions(actor, params.id);
  }

  @Post('sessions/:id/agenda')
  @HttpCode(200)
  @RequirePermission('committee.manage', { objectLevel: true })
  @ApiOperation({
    operationId: 'addAgendaItem',
    summary: 'Put a qualified idea on the agenda (appended); the session’s members are notified.',
  })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiConflictResponse({ description: '`not_qualified`, `already_on_agenda`, `session_closed`.' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} \`idea_not_found\`.` })
  add(
    @CurrentActor() actor: Actor,
    @Param() params: SessionIdParams,
    @Body() input: AddAgendaItemInput,
  ): Promise<CommitteeSessionDto> {
    return this.agenda.addItem(actor, params.id, input.ideaId);
  }

  @Delete('sessions/:id/agenda/:itemId')
  @RequirePermission('committee.manage', { objectLevel: true })
  @ApiOperation({ operationId: 'removeAgendaItem', summary: 'Take an undecided idea off the agenda.' })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiConflictResponse({ description: '`already_decided`, `session_closed`.' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} \`agenda_item_not_found\`.` })
  remove(@CurrentActor() actor: Actor, @Param() params: AgendaItemParams): Promise<CommitteeSessionDto> {
    return this.agenda.removeItem(actor, params.id, params.itemId);
  }

  @Put('sessions/:id/agenda/order')
  @RequirePermission('committee.manage')
  @ApiOperation({ operationId: 'reorderAgenda', summary: 'Set the agenda’s order (every item once).' })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiBadRequestResponse({ description: '`itemIds` is not the agenda (reload).' })
  @ApiConflictResponse({ description: '`session_closed`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  reorder(
    @CurrentActor() actor: Actor,
    @Param() params: SessionIdParams,
    @Body() input: ReorderAgendaInput,
  ): Promise<CommitteeSessionDto> {
    return this.agenda.reorder(actor, params.id, input.itemIds);
  }

  @Get('sessions/:id/pack')
  @RequirePermission('committee.read')
  @ApiOperation({
    operationId: 'getPreReadingPack',
    summary:
      'The pre-reading pack: each agenda idea with its summary, the network’s answer and consolidated scorecard.',
    description: 'Private notes are read per idea from the private notes thread. Anonymous authors are never named.',
  })
  @ApiOkResponse({ type: PreReadingPackDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  pack(@CurrentActor() actor: Actor, @Param() params: SessionIdParams): Promise<PreReadingPackDto> {
    return this.sessions.pack(actor, params.id);
  }

  @Get('sessions/:id/prioritisation')
  @RequirePermission('committee.read')
  @ApiOperation({
    operationId: 'getPrioritisation',
    summary: 'The agenda and other qualified ideas in scope ranked by weighted score, with value and effort.',
  })
  @ApiOkResponse({ type: PrioritisationDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  prioritisation(@CurrentActor() actor: Actor, @Param() params: SessionIdParams): Promise<PrioritisationDto> {
    return this.sessions.prioritisation(actor, params.id);
  }
}
