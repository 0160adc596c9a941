import { Injectable } from '@nestjs/common';
import {
  Conflict,
  NotFound,
  ValidationFailed,
  validateFieldReviewAnswer,
  validateFieldReviewSettings,
  type Actor,
  type FieldReviewAnswer,
  type FieldReviewSettings,
} from '@eclore/domain';
import { OutboxService } from '@eclore/server-platform';
import { AccessService, AuditService } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess } from '@eclore/server-ideas';
import type {
  AnswerFieldReviewInput,
  FieldReviewDto,
  FieldReviewSettingsDto,
  UpdateFieldReviewSettingsInput,
} from './field-reviews.dto';
import { FieldReviewsQueries } from './field-reviews-queries.service';
import { FieldReviewsRepository } from './field-reviews.repository';

/** The return to the field's writes: answering a review, the organisation's settings. */
@Injectable()
export class FieldReviewsCommands {
  constructor(
    private readonly repo: FieldReviewsRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly queries: FieldReviewsQueries,
  ) {}

  /**
   * The owner or an author answers a due review, once. In one transaction: the answer, the idea's
   * public timeline event (its actor hidden from others when an anonymous author answered), the
   * audit entry (pseudonymised the same way) and the outbox messages of the event.
   */
  async answer(
    actor: Actor,
    reviewId: string,
    input: AnswerFieldReviewInput,
    requestId: string | null,
  ): Promise<FieldReviewDto> {
    const answer: FieldReviewAnswer = {
      whatHappened: input.whatHappened,
      unexpected: input.unexpected,
      whoUsesIt: input.whoUsesIt,
    };
    const problems = validateFieldReviewAnswer(answer);
    if (problems.length > 0) throw new ValidationFailed(problems);
    return this.repo.transaction(async (m) => {
      const review = await this.repo.find(reviewId, m, true);
      if (!review) throw new NotFound('field_review', reviewId);
      // A review of an idea the actor may not read is answered as absent (no existence leak).
      const loaded = await this.ideas.find(m, review.ideaId, actor);
      if (!loaded || !this.ideas.canRead(loaded)) throw new NotFound('field_review', reviewId);
      this.access.assert(actor, 'field_review.answer', {
        target: loaded.viewer.target,
        isProjectOwner: review.ownerId === actor.personId,
        isAuthor: loaded.viewer.isAuthor,
      });
      if (review.answeredAt !== null) throw new Conflict('field_review_answered', 'This review has its answer.');
      if (review.ideaStatus !== 'follow_up')
        throw new Conflict('transition_not_allowed', 'The idea is no longer followed up.');
      const now = new Date();
      if (now.getTime() < review.dueAt.getTime())
        throw new Conflict('field_review_not_due', 'This review is asked on its due date.');
      const trimmed: FieldReviewAnswer = {
        whatHappened: answer.whatHappened.trim(),
        unexpected: answer.unexpected.trim(),
        whoUsesIt: answer.whoUsesIt.trim(),
      };
      await this.repo.answer(reviewId, trimmed, actor.personId, now, m);
      await appendIdeaEvents(m, [
        {
          ideaId: review.ideaId,
          type: 'field_review_answered',
          actorId: actor.personId,
          public: true,
          data: { reviewId, ordinal: review.ordinal, monthsAfterGoLive: review.monthsAfterGoLive, ...trimmed },
        },
      ]);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'field_review.answered',
        subjectType: 'idea',
        subjectId: review.ideaId,
        data: { reviewId, ordinal: review.ordinal },
        requestId,
      });
      // The answered review's pending jobs go (they would do nothing anyway).
      await this.outbox.append(m, 'realisation.schedule_field_reviews', { projectId: review.projectId });
      const after = (await this.repo.find(reviewId, m))!;
      return this.queries.one(actor, loaded, after);
    });
  }

  async saveSettings(
    actor: Actor,
    input: UpdateFieldReviewSettingsInput,
    requestId: string | null,
  ): Promise<FieldReviewSettingsDto> {
    const next: FieldReviewSettings = {
      monthsAfterGoLive: input.monthsAfterGoLive,
      remindAfterDays: input.remindAfterDays,
      lateAfterDays: input.lateAfterDays,
    };
    const problems = validateFieldReviewSettings(next);
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.repo.transaction(async (m) => {
      const before = await this.repo.settings(m);
      await this.repo.saveSettings(next, actor.personId, m);
      // Applies to ideas going live from now on: a schedule already announced keeps its dates.
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'field_review.settings_set',
        subjectType: 'field_review_settings',
        subjectId: null,
        data: {
          before: {
            monthsAfterGoLive: before.monthsAfterGoLive,
            remindAfterDays: before.remindAfterDays,
            lateAfterDays: before.lateAfterDays,
          },
          after: { ...next },
        },
        requestId,
      });
    });
    return this.queries.settings();
  }
}
