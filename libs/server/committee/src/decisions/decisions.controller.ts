import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import { AgendaItemParams, DecisionInputDto, CommitteeSessionDto } from '../sessions/sessions.dto';
import { DecisionsService } from './decisions.service';

@ApiTags('committee')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('committee')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('sessions/:id/agenda/:itemId/decision')
  @HttpCode(200)
  @RequirePermission('committee.decide', { objectLevel: true })
  @ApiOperation({
    operationId: 'decideAgendaItem',
    summary:
      'Decide an agenda item in session: prototype, implement, park until a date, or decline — with a rationale.',
    description:
      'Runs the idea’s lifecycle command; the rationale becomes the idea’s answer, published to its authors and followers.',
  })
  @ApiOkResponse({ type: CommitteeSessionDto })
  @ApiBadRequestResponse({ description: '`rationale` missing or blank; `until` missing or not in the future (park).' })
  @ApiForbiddenResponse({ description: '`role_required`; `out_of_scope` for a committee member scoped elsewhere.' })
  @ApiConflictResponse({ description: '`session_not_in_session`, `already_decided`, `transition_not_allowed`.' })
  @ApiNotFoundResponse({ description: '`committee_session_not_found`, `agenda_item_not_found`.' })
  decide(
    @CurrentActor() actor: Actor,
    @Param() params: AgendaItemParams,
    @Body() input: DecisionInputDto,
  ): Promise<CommitteeSessionDto> {
    return this.decisions.decide(actor, params.id, params.itemId, input);
  }
}
