import { Body, Get, Post, Put } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { QualificationViewDto, ScorecardInput } from './scorecards.dto';
import { ScorecardsService } from './scorecards.service';

const NOT_FOUND = 'No such idea, or not one you may read.';
const SCORE_FORBIDDEN =
  '`role_required`, `out_of_scope`, `not_assigned` (only the idea’s assigned reviewers score), `is_author`.';
const SCORE_INVALID =
  '`validation_failed` naming `scores.<key>` (out_of_range, unknown_criterion, required) or `comment`.';

@ApiNotFoundResponse({ description: NOT_FOUND })
@ApiController('qualification', 'ideas/:id/scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @Endpoint({
    permission: { action: 'qualification.read_scores', objectLevel: true },
    operationId: 'getIdeaScorecards',
    summary:
      'The criteria, the consolidated scorecards (weighted score, per-criterion mean and spread, each review) and the viewer’s own scorecard. Network and committee in scope.',
    ok: QualificationViewDto,
    errors: ['role_required', 'out_of_scope', 'is_author'],
    errorText: { 403: '`role_required`, `out_of_scope`, `is_author`.' },
  })
  view(@CallOn() call: CallOn): Promise<QualificationViewDto> {
    return this.scorecards.view(call.actor, call.id);
  }

  @Put('me')
  @Endpoint({
    permission: { action: 'qualification.score', objectLevel: true },
    operationId: 'saveMyScorecardDraft',
    summary: 'Save my scorecard as a draft (assigned reviewers).',
    ok: QualificationViewDto,
    errors: [
      'validation_failed',
      'role_required',
      'out_of_scope',
      'not_assigned',
      'is_author',
      'not_in_qualification',
      'already_submitted',
    ],
    errorText: {
      400: SCORE_INVALID,
      403: SCORE_FORBIDDEN,
      409: '`not_in_qualification`, `already_submitted` (submit again instead).',
    },
  })
  saveDraft(@CallOn() call: CallOn, @Body() input: ScorecardInput): Promise<QualificationViewDto> {
    return this.scorecards.saveDraft(call.actor, call.id, input);
  }

  @Post('me/submit')
  @Endpoint({
    permission: { action: 'qualification.score', objectLevel: true },
    operationId: 'submitMyScorecard',
    summary: 'Submit my scorecard, every criterion scored; submitting again updates it (assigned reviewers).',
    ok: QualificationViewDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope', 'not_assigned', 'is_author', 'not_in_qualification'],
    errorText: { 400: SCORE_INVALID, 403: SCORE_FORBIDDEN, 409: '`not_in_qualification`.' },
  })
  submit(@CallOn() call: CallOn, @Body() input: ScorecardInput): Promise<QualificationViewDto> {
    return this.scorecards.submit(call.actor, call.id, input);
  }
}
