import { Body, Get, Put } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import { AnswerTimeSettingsDto, IdeaDeadlinesDto, LateIdeasDto, UpdateAnswerTimeSettingsInput } from './deadlines.dto';
import { DeadlinesService } from './deadlines.service';

const NOT_ADMIN = 'Not an admin (`role_required`).';

/** The answer-time settings are the admins' alone. */
const ADMIN: EndpointPreset = {
  permission: 'deadline.settings',
  errors: ['role_required'],
  errorText: { 403: NOT_ADMIN },
};

/** One idea's due dates. */
@ApiController('qualification', 'ideas/:id/deadlines')
export class IdeaDeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @Endpoint({
    permission: { action: 'idea.read', objectLevel: true },
    operationId: 'getIdeaDeadlines',
    summary: 'The idea’s answer-time due dates that apply now, for whoever may read the idea.',
    ok: IdeaDeadlinesDto,
    errors: ['idea_not_found'],
    errorText: { 404: 'Unknown idea, or one the reader may not see.' },
  })
  ideaDeadlines(@CallOn() call: CallOn): Promise<IdeaDeadlinesDto> {
    return this.deadlines.ideaDeadlines(call.actor, call.id);
  }
}

/** The late list of the network. */
@ApiController('qualification', 'deadlines')
export class LateIdeasController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get('late')
  @Endpoint({
    permission: 'deadline.read_late',
    operationId: 'listLateIdeas',
    summary: 'Ideas past an answer-time deadline within the network member’s (or lead’s) scope.',
    ok: LateIdeasDto,
    errors: ['role_required'],
    errorText: { 403: 'Not in the innovation network (`role_required`).' },
  })
  late(@CurrentActor() actor: Actor): Promise<LateIdeasDto> {
    return this.deadlines.late(actor);
  }
}

/** The organisation's answer-time guarantee (admins). */
@ApiController('qualification', 'admin/answer-time-settings')
export class AnswerTimeSettingsController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @Endpoint(ADMIN, {
    operationId: 'getAnswerTimeSettings',
    summary: 'The organisation’s answer-time guarantee.',
    ok: AnswerTimeSettingsDto,
  })
  settings(): Promise<AnswerTimeSettingsDto> {
    return this.deadlines.settings();
  }

  @Put()
  @Endpoint(ADMIN, {
    operationId: 'setAnswerTimeSettings',
    summary: 'Sets the answer-time guarantee (audited); every scheduled reminder and escalation follows.',
    ok: AnswerTimeSettingsDto,
    errors: ['validation_failed'],
    errorText: { 400: 'A field out of range, or the reminder as long as a wait (names the field).' },
  })
  updateSettings(@Call() call: Call, @Body() input: UpdateAnswerTimeSettingsInput): Promise<AnswerTimeSettingsDto> {
    return this.deadlines.updateSettings(call.actor, input, call.requestId);
  }
}
