import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
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
import { IdParamDto } from '@eclore/server-ideas';
import { QualificationViewDto, ScorecardInput } from './scorecards.dto';
import { ScorecardsService } from './scorecards.service';

const NOT_FOUND = 'No such idea, or not one you may read.';
const SCORE_FORBIDDEN =
  '`role_required`, `out_of_scope`, `not_assigned` (only the idea’s assigned reviewers score), `is_author`.';
const SCORE_INVALID =
  '`validation_failed` naming `scores.<key>` (out_of_range, unknown_criterion, required) or `comment`.';

@ApiTags('qualification')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiNotFoundResponse({ description: NOT_FOUND })
@Controller('ideas/:id/scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @RequirePermission('qualification.read_scores', { objectLevel: true })
  @ApiOperation({
    operationId: 'getIdeaScorecards',
    summary:
      'The criteria, the consolidated scorecards (weighted score, per-criterion mean and spread, each review) and the viewer’s own scorecard. Network and committee in scope.',
  })
  @ApiOkResponse({ type: QualificationViewDto })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`, `is_author`.' })
  view(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<QualificationViewDto> {
    return this.scorecards.view(actor, params.id);
  }

  @Put('me')
  @RequirePermission('qualification.score', { objectLevel: true })
  @ApiOperation({ operationId: 'saveMyScorecardDraft', summary: 'Save my scorecard as a draft (assigned reviewers).' })
  @ApiOkResponse({ type: QualificationViewDto })
  @ApiBadRequestResponse({ description: SCORE_INVALID })
  @ApiForbiddenResponse({ description: SCORE_FORBIDDEN })
  @ApiConflictResponse({ description: '`not_in_qualification`, `already_submitted` (submit again instead).' })
  saveDraft(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: ScorecardInput,
  ): Promise<QualificationViewDto> {
    return this.scorecards.saveDraft(actor, params.id, input);
  }

  @Post('me/submit')
  @HttpCode(200)
  @RequirePermission('qualification.score', { objectLevel: true })
  @ApiOperation({
    operationId: 'submitMyScorecard',
    summary: 'Submit my scorecard, every criterion scored; submitting again updates it (assigned reviewers).',
  })
  @ApiOkResponse({ type: QualificationViewDto })
  @ApiBadRequestResponse({ description: SCORE_INVALID })
  @ApiForbiddenResponse({ description: SCORE_FORBIDDEN })
  @ApiConflictResponse({ description: '`not_in_qualification`.' })
  submit(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: ScorecardInput,
  ): Promise<QualificationViewDto> {
    return this.scorecards.submit(actor, params.id, input);
  }
}
