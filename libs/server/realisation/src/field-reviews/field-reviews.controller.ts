import { Body, Get, Param, Post, Put } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, IdParamDto } from '@eclore/server-platform';
import {
  AnswerFieldReviewInput,
  FieldReviewDto,
  FieldReviewListDto,
  FieldReviewSettingsDto,
  IdeaFieldReviewsDto,
  UpdateFieldReviewSettingsInput,
} from './field-reviews.dto';
import { FieldReviewsCommands } from './field-reviews-commands.service';
import { FieldReviewsQueries } from './field-reviews-queries.service';
import { FieldReviewTestClock } from './field-review-test-clock.service';

const NOT_ADMIN = 'Not an admin (`role_required`).';

/** An idea's return-to-field reviews, for whoever may read the idea. */
@ApiController('realisation', 'ideas/:id/field-reviews')
export class IdeaFieldReviewsController {
  constructor(private readonly queries: FieldReviewsQueries) {}

  @Get()
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'getIdeaFieldReviews',
    summary: 'The idea’s field reviews (dates, state, answers; an anonymous author answering is “an author”).',
    ok: IdeaFieldReviewsDto,
    errors: ['idea_not_found'],
    errorText: { 404: 'Unknown idea, or one the reader may not see.' },
  })
  list(@CallOn() call: CallOn): Promise<IdeaFieldReviewsDto> {
    return this.queries.ofIdea(call.actor, call.id);
  }
}

/** Answering a review; the person's reviews to answer; the network's late list. */
@ApiController('realisation', 'field-reviews')
export class FieldReviewsController {
  constructor(
    private readonly commands: FieldReviewsCommands,
    private readonly queries: FieldReviewsQueries,
  ) {}

  @Get('mine')
  @Endpoint({
    permission: 'realisation.read',
    operationId: 'listMyFieldReviews',
    summary: 'The due, unanswered field reviews the person is asked (project owner or author).',
    ok: FieldReviewListDto,
  })
  mine(@CurrentActor() actor: Actor): Promise<FieldReviewListDto> {
    return this.queries.mine(actor);
  }

  @Get('late')
  @Endpoint({
    permission: 'deadline.read_late',
    operationId: 'listLateFieldReviews',
    summary: 'Field reviews past their late date within the network member’s (or lead’s) scope.',
    ok: FieldReviewListDto,
    errors: ['role_required'],
    errorText: { 403: 'Not in the innovation network (`role_required`).' },
  })
  late(@CurrentActor() actor: Actor): Promise<FieldReviewListDto> {
    return this.queries.late(actor);
  }

  @Post(':id/answer')
  @Endpoint({
    permission: { action: 'field_review.answer', objectLevel: true },
    operationId: 'answerFieldReview',
    summary:
      'The project owner or an author answers a due review: what really happened, what was unexpected, who uses it.',
    ok: FieldReviewDto,
    errors: [
      'validation_failed',
      'not_implementation_owner',
      'field_review_answered',
      'field_review_not_due',
      'transition_not_allowed',
      'field_review_not_found',
    ],
    errorText: {
      400: 'A text missing, blank, longer than 5000 characters or with a NUL byte (names the field).',
      403: 'Neither the project owner nor an author (`not_implementation_owner`).',
      409: '`field_review_answered`, `field_review_not_due`, `transition_not_allowed` (no longer followed up).',
      404: 'Unknown review, or one of an idea the reader may not see.',
    },
  })
  answer(@CallOn() call: CallOn, @Body() input: AnswerFieldReviewInput): Promise<FieldReviewDto> {
    return this.commands.answer(call.actor, call.id, input, call.requestId);
  }
}

export class FieldReviewMadeDueDto {
  @ApiProperty({ description: 'The ask step ran now (false: already asked or answered).' })
  asked!: boolean;
}

/** The organisation's return-to-field schedule, and the test clock (admins). */
@ApiController('realisation', 'admin/field-reviews', 'field_review.settings')
export class FieldReviewSettingsController {
  constructor(
    private readonly commands: FieldReviewsCommands,
    private readonly queries: FieldReviewsQueries,
    private readonly clock: FieldReviewTestClock,
  ) {}

  @Get('settings')
  @Endpoint({
    operationId: 'getFieldReviewSettings',
    summary: 'Months after go-live of the field reviews, reminder and late days.',
    ok: FieldReviewSettingsDto,
    errors: ['role_required'],
    errorText: { 403: NOT_ADMIN },
  })
  settings(): Promise<FieldReviewSettingsDto> {
    return this.queries.settings();
  }

  @Put('settings')
  @Endpoint({
    operationId: 'setFieldReviewSettings',
    summary: 'Sets the return-to-field schedule (audited); ideas going live from now on follow it.',
    ok: FieldReviewSettingsDto,
    errors: ['validation_failed', 'role_required'],
    errorText: {
      400: 'Months not ascending or out of 1–60, days out of 1–90, late not after the reminder.',
      403: NOT_ADMIN,
    },
  })
  save(@Call() call: Call, @Body() input: UpdateFieldReviewSettingsInput): Promise<FieldReviewSettingsDto> {
    return this.commands.saveSettings(call.actor, input, call.requestId);
  }

  @Post(':id/make-due')
  @Endpoint({
    operationId: 'makeFieldReviewDue',
    summary: 'Test clock (NODE_ENV=test only, else 404): the review falls due now and is asked at once.',
    ok: FieldReviewMadeDueDto,
    errors: ['route_not_found', 'field_review_not_found', 'role_required'],
    errorText: { 404: 'Not a test environment, or an unknown review.', 403: NOT_ADMIN },
  })
  makeDue(@Param() params: IdParamDto): Promise<FieldReviewMadeDueDto> {
    return this.clock.makeDue(params.id);
  }
}
