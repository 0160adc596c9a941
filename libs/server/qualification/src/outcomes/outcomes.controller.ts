import { Body, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { CallOn } from '@eclore/server-identity';
import { IdeaDto } from '@eclore/server-ideas';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { DeclineInput, QualifyInput, RequestReworkInput } from './outcomes.dto';
import { OutcomesService } from './outcomes.service';

const FORBIDDEN = '`role_required`, `out_of_scope` (network members in scope; the committee declines at decision).';
const CONFLICT = '`transition_not_allowed` from this status, `stale_version`.';

@ApiNotFoundResponse({ description: 'No such idea, or not one you may read.' })
@ApiForbiddenResponse({ description: FORBIDDEN })
@ApiController('qualification', 'ideas/:id', { action: 'idea.transition', objectLevel: true })
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Post('qualify')
  @Endpoint({
    operationId: 'qualifyIdea',
    summary: 'Qualified: the idea goes to the committee, with the answer its authors and followers read.',
    ok: IdeaDto,
    errors: ['validation_failed', 'transition_not_allowed', 'stale_version', 'no_scorecard'],
    errorText: {
      400: '`answer` missing or blank.',
      409: `${CONFLICT} \`no_scorecard\` (no submitted scorecard yet).`,
    },
  })
  qualify(@CallOn() call: CallOn, @Body() input: QualifyInput): Promise<IdeaDto> {
    return this.outcomes.qualify(call.actor, call.id, input.answer, input.version);
  }

  @Post('request-rework')
  @Endpoint({
    operationId: 'requestIdeaRework',
    summary: 'Needs rework: back to the authors with guidance (they edit and submit again).',
    ok: IdeaDto,
    errors: ['validation_failed', 'transition_not_allowed', 'stale_version'],
    errorText: { 400: '`guidance` missing or blank.', 409: CONFLICT },
  })
  requestRework(@CallOn() call: CallOn, @Body() input: RequestReworkInput): Promise<IdeaDto> {
    return this.outcomes.requestRework(call.actor, call.id, input.guidance, input.version);
  }

  @Post('decline')
  @Endpoint({
    operationId: 'declineIdea',
    summary:
      'Declined, with the rationale its authors and followers read (network before the committee; the committee at decision).',
    ok: IdeaDto,
    errors: ['validation_failed', 'transition_not_allowed', 'stale_version'],
    errorText: { 400: '`rationale` missing or blank.', 409: CONFLICT },
  })
  decline(@CallOn() call: CallOn, @Body() input: DeclineInput): Promise<IdeaDto> {
    return this.outcomes.decline(call.actor, call.id, input.rationale, input.version);
  }
}
