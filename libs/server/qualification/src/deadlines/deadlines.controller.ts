import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequestId, RequirePermission } from '@eclore/server-identity';
import { IdParamDto } from '@eclore/server-ideas';
import { AnswerTimeSettingsDto, IdeaDeadlinesDto, LateIdeasDto, UpdateAnswerTimeSettingsInput } from './deadlines.dto';
import { DeadlinesService } from './deadlines.service';

@ApiTags('qualification')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller()
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get('ideas/:id/deadlines')
  @RequirePermission('idea.read', { objectLevel: true })
  @ApiOperation({
    operationId: 'getIdeaDeadlines',
    summary: 'The idea’s answer-time due dates that apply now, for whoever may read the idea.',
  })
  @ApiOkResponse({ type: IdeaDeadlinesDto })
  @ApiNotFoundResponse({ description: 'Unknown idea, or one the reader may not see.' })
  ideaDeadlines(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<IdeaDeadlinesDto> {
    return this.deadlines.ideaDeadlines(actor, params.id);
  }

  @Get('deadlines/late')
  @RequirePermission('deadline.read_late')
  @ApiOperation({
    operationId: 'listLateIdeas',
    summary: 'Ideas past an answer-time deadline within the network member’s (or lead’s) scope.',
  })
  @ApiOkResponse({ type: LateIdeasDto })
  @ApiForbiddenResponse({ description: 'Not in the innovation network (`role_required`).' })
  late(@CurrentActor() actor: Actor): Promise<LateIdeasDto> {
    return this.deadlines.late(actor);
  }

  @Get('admin/answer-time-settings')
  @RequirePermission('deadline.settings')
  @ApiOperation({ operationId: 'getAnswerTimeSettings', summary: 'The organisation’s answer-time guarantee.' })
  @ApiOkResponse({ type: AnswerTimeSettingsDto })
  @ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' })
  settings(): Promise<AnswerTimeSettingsDto> {
    return this.deadlines.settings();
  }

  @Put('admin/answer-time-settings')
  @RequirePermission('deadline.settings')
  @ApiOperation({
    operationId: 'setAnswerTimeSettings',
    summary: 'Sets the answer-time guarantee (audited); every scheduled reminder and escalation follows.',
  })
  @ApiOkResponse({ type: AnswerTimeSettingsDto })
  @ApiBadRequestResponse({ description: 'A field out of range, or the reminder as long as a wait (names the field).' })
  @ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' })
  updateSettings(
    @CurrentActor() actor: Actor,
    @Body() input: UpdateAnswerTimeSettingsInput,
    @RequestId() requestId: string | null,
  ): Promise<AnswerTimeSettingsDto> {
    return this.deadlines.updateSettings(actor, input, requestId);
  }
}
