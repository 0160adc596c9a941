import { Body, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset, PersonRefDto } from '@eclore/server-platform';
import {
  AddAgendaItemInput,
  AgendaItemParams,
  AgendaSuggestionDto,
  CloseSessionInput,
  PreReadingPackDto,
  PrioritisationDto,
  ReorderAgendaInput,
  CommitteeSessionDto,
  CommitteeSessionInput,
  CommitteeSessionSummaryDto,
} from './sessions.dto';
import { AgendaService } from './agenda.service';
import { SessionCommandsService } from './session-commands.service';
import { SessionsService } from './sessions.service';

const NOT_FOUND = '`committee_session_not_found`.';
const COMMITTEE_ONLY =
  'Committee members only (`role_required`); an idea outside a scoped member’s unit: `out_of_scope`.';

// Who may call each route, and the unknown session every `sessions/:id` route can answer.
const READ: EndpointPreset = { permission: 'committee.read' };
const MANAGE: EndpointPreset = { permission: 'committee.manage' };
const READ_SESSION: EndpointPreset = {
  ...READ,
  errors: ['committee_session_not_found'],
  errorText: { 404: NOT_FOUND },
};
const MANAGE_SESSION: EndpointPreset = { ...READ_SESSION, ...MANAGE };
const MANAGE_AGENDA: EndpointPreset = {
  permission: { action: 'committee.manage', objectLevel: true },
  errors: ['committee_session_not_found'],
};

@ApiForbiddenResponse({ description: COMMITTEE_ONLY })
@ApiController('committee', 'committee')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly commands: SessionCommandsService,
    private readonly agenda: AgendaService,
  ) {}

  @Get('sessions')
  @Endpoint(READ, {
    operationId: 'listCommitteeSessions',
    summary: 'Committee sessions, latest first.',
    ok: [CommitteeSessionSummaryDto],
  })
  list(@CurrentActor() actor: Actor): Promise<CommitteeSessionSummaryDto[]> {
    return this.sessions.list(actor);
  }

  @Get('members')
  @Endpoint(READ, {
    operationId: 'listCommitteeMembers',
    summary: 'Active committee members (who may sit in a session).',
    ok: [PersonRefDto],
  })
  members(@CurrentActor() actor: Actor): Promise<PersonRefDto[]> {
    return this.sessions.committeeMembers(actor);
  }

  @Post('sessions')
  @Endpoint(MANAGE, {
    operationId: 'createCommitteeSession',
    summary: 'Plan a session: date, title, minutes language, members and chair.',
    ok: CommitteeSessionDto,
    status: 201,
    errors: ['validation_failed'],
    errorText: { 400: 'Field problems, e.g. a member who is not on the committee (`memberIds`).' },
  })
  create(@CurrentActor() actor: Actor, @Body() input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    return this.commands.create(actor, input);
  }

  @Get('sessions/:id')
  @Endpoint(READ_SESSION, {
    operationId: 'getCommitteeSession',
    summary: 'A session with its members and agenda (decisions included).',
    ok: CommitteeSessionDto,
  })
  get(@CallOn() call: CallOn): Promise<CommitteeSessionDto> {
    return this.sessions.get(call.actor, call.id);
  }

  @Patch('sessions/:id')
  @Endpoint(MANAGE_SESSION, {
    operationId: 'updateCommitteeSession',
    summary: 'Change a planned session (date, title, language, members).',
    ok: CommitteeSessionDto,
    errors: ['validation_failed', 'session_status'],
    errorText: { 400: 'Field problems.', 409: '`session_status` (no longer planned).' },
  })
  update(@CallOn() call: CallOn, @Body() input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    return this.commands.update(call.actor, call.id, input);
  }

  @Post('sessions/:id/start')
  @Endpoint(MANAGE_SESSION, {
    operationId: 'startCommitteeSession',
    summary: 'Open the session: decisions can be taken.',
    ok: CommitteeSessionDto,
    errors: ['session_status'],
    errorText: { 409: '`session_status`.' },
  })
  start(@CallOn() call: CallOn): Promise<CommitteeSessionDto> {
    return this.commands.start(call.actor, call.id);
  }

  @Post('sessions/:id/close')
  @Endpoint(MANAGE_SESSION, {
    operationId: 'closeCommitteeSession',
    summary: 'Close the session, recording who attended.',
    ok: CommitteeSessionDto,
    errors: ['validation_failed', 'session_status'],
    errorText: { 400: '`presentIds` names someone who is not a member.', 409: '`session_status`.' },
  })
  close(@CallOn() call: CallOn, @Body() input: CloseSessionInput): Promise<CommitteeSessionDto> {
    return this.commands.close(call.actor, call.id, input);
  }

  @Get('sessions/:id/suggestions')
  @Endpoint(READ_SESSION, {
    operationId: 'listAgendaSuggestions',
    summary: 'Qualified ideas in the viewer’s scope that are on no open agenda yet.',
    ok: AgendaSuggestionDto,
  })
  suggestions(@CallOn() call: CallOn): Promise<AgendaSuggestionDto> {
    return this.sessions.suggestions(call.actor, call.id);
  }

  @Post('sessions/:id/agenda')
  @Endpoint(MANAGE_AGENDA, {
    operationId: 'addAgendaItem',
    summary: 'Put a qualified idea on the agenda (appended); the session’s members are notified.',
    ok: CommitteeSessionDto,
    errors: ['not_qualified', 'already_on_agenda', 'session_closed', 'idea_not_found'],
    errorText: {
      409: '`not_qualified`, `already_on_agenda`, `session_closed`.',
      404: `${NOT_FOUND} \`idea_not_found\`.`,
    },
  })
  add(@CallOn() call: CallOn, @Body() input: AddAgendaItemInput): Promise<CommitteeSessionDto> {
    return this.agenda.addItem(call.actor, call.id, input.ideaId);
  }

  @Delete('sessions/:id/agenda/:itemId')
  @Endpoint(MANAGE_AGENDA, {
    operationId: 'removeAgendaItem',
    summary: 'Take an undecided idea off the agenda.',
    ok: CommitteeSessionDto,
    errors: ['already_decided', 'session_closed', 'agenda_item_not_found'],
    errorText: { 409: '`already_decided`, `session_closed`.', 404: `${NOT_FOUND} \`agenda_item_not_found\`.` },
  })
  remove(@CurrentActor() actor: Actor, @Param() params: AgendaItemParams): Promise<CommitteeSessionDto> {
    return this.agenda.removeItem(actor, params.id, params.itemId);
  }

  @Put('sessions/:id/agenda/order')
  @Endpoint(MANAGE_SESSION, {
    operationId: 'reorderAgenda',
    summary: 'Set the agenda’s order (every item once).',
    ok: CommitteeSessionDto,
    errors: ['validation_failed', 'session_closed'],
    errorText: { 400: '`itemIds` is not the agenda (reload).', 409: '`session_closed`.' },
  })
  reorder(@CallOn() call: CallOn, @Body() input: ReorderAgendaInput): Promise<CommitteeSessionDto> {
    return this.agenda.reorder(call.actor, call.id, input.itemIds);
  }

  @Get('sessions/:id/pack')
  @Endpoint(READ_SESSION, {
    operationId: 'getPreReadingPack',
    summary:
      'The pre-reading pack: each agenda idea with its summary, the network’s answer and consolidated scorecard.',
    description: 'Private notes are read per idea from the private notes thread. Anonymous authors are never named.',
    ok: PreReadingPackDto,
  })
  pack(@CallOn() call: CallOn): Promise<PreReadingPackDto> {
    return this.sessions.pack(call.actor, call.id);
  }

  @Get('sessions/:id/prioritisation')
  @Endpoint(READ_SESSION, {
    operationId: 'getPrioritisation',
    summary: 'The agenda and other qualified ideas in scope ranked by weighted score, with value and effort.',
    ok: PrioritisationDto,
  })
  prioritisation(@CallOn() call: CallOn): Promise<PrioritisationDto> {
    return this.sessions.prioritisation(call.actor, call.id);
  }
}
