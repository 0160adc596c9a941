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
import { IdeaDto, IdParamDto } from '@eclore/server-ideas';
import { DeclineInput, QualifyInput, RequestReworkInput } from './outcomes.dto';
import { OutcomesService } from './outcomes.service';

const FORBIDDEN = '`role_required`, `out_of_scope` (network members in scope; the committee declines at decision).';
const CONFLICT = '`transition_not_allowed` from this status, `stale_version`.';

@ApiTags('qualification')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiNotFoundResponse({ description: 'No such idea, or not one you may read.' })
@ApiForbiddenResponse({ description: FORBIDDEN })
@Controller('ideas/:id')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Post('qualify')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'qualifyIdea',
    summary: 'Qualified: the idea goes to the committee, with the answer its authors and followers read.',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiBadRequestResponse({ description: '`answer` missing or blank.' })
  @ApiConflictResponse({ description: `${CONFLICT} \`no_scorecard\` (no submitted scorecard yet).` })
  qualify(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: QualifyInput): Promise<IdeaDto> {
    return this.outcomes.qualify(actor, params.id, input.answer, input.version);
  }

  @Post('request-rework')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'requestIdeaRework',
    summary: 'Needs rework: back to the authors with guidance (they edit and submit again).',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiBadRequestResponse({ description: '`guidance` missing or blank.' })
  @ApiConflictResponse({ description: CONFLICT })
  requestRework(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: RequestReworkInput,
  ): Promise<IdeaDto> {
    return this.outcomes.requestRework(actor, params.id, input.guidance, input.version);
  }

  @Post('decline')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'declineIdea',
    summary:
      'Declined, with the rationale its authors and followers read (network before the committee; the committee at decision).',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiBadRequestResponse({ description: '`rationale` missing or blank.' })
  @ApiConflictResponse({ description: CONFLICT })
  decline(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: DeclineInput): Promise<IdeaDto> {
    return this.outcomes.decline(actor, params.id, input.rationale, input.version);
  }
}
