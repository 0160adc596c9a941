import { Body, Param, Post } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { AgendaItemParams, DecisionInputDto, CommitteeSessionDto } from '../sessions/sessions.dto';
import { DecisionsService } from './decisions.service';

@ApiController('committee', 'committee')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('sessions/:id/agenda/:itemId/decision')
  @Endpoint({
    permission: { action: 'committee.decide', objectLevel: true },
    operationId: 'decideAgendaItem',
    summary:
      'Decide an agenda item in session: prototype, implement, park until a date, or decline — with a rationale.',
    description:
      'Runs the idea’s lifecycle command; the rationale becomes the idea’s answer, published to its authors and followers.',
    ok: CommitteeSessionDto,
    errors: [
      'validation_failed',
      'role_required',
      'out_of_scope',
      'session_not_in_session',
      'already_decided',
      'transition_not_allowed',
      'committee_session_not_found',
      'agenda_item_not_found',
    ],
    errorText: {
      400: '`rationale` missing or blank; `until` missing or not in the future (park).',
      403: '`role_required`; `out_of_scope` for a committee member scoped elsewhere.',
      409: '`session_not_in_session`, `already_decided`, `transition_not_allowed`.',
      404: '`committee_session_not_found`, `agenda_item_not_found`.',
    },
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param() params: AgendaItemParams,
    @Body() input: DecisionInputDto,
  ): Promise<CommitteeSessionDto> {
    return this.decisions.decide(actor, params.id, params.itemId, input);
  }
}
