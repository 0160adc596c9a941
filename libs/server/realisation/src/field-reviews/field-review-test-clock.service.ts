import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '@eclore/domain';
import { AppConfig, OutboxService } from '@eclore/server-platform';
import { FieldReviewNotifier } from './field-review-jobs';
import { FieldReviewsRepository } from './field-reviews.repository';

/**
 * The return to the field's TEST CLOCK (NODE_ENV=test only; anywhere else the route answers 404 as
 * if it did not exist). A browser test cannot wait three months: this moves one review's due date to
 * now (remind and late keep their distance), asks at once exactly as the delayed job would (same
 * step, same once-only marker, so the real job later does nothing) and lets the worker move the
 * remaining jobs. docs/realisation.md §5 documents it.
 */
@Injectable()
export class FieldReviewTestClock {
  private readonly notifier: FieldReviewNotifier;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly repo: FieldReviewsRepository,
    private readonly outbox: OutboxService,
  ) {
    this.notifier = new FieldReviewNotifier(ds);
  }

  get enabled(): boolean {
    return this.config.NODE_ENV === 'test';
  }

  async makeDue(reviewId: string): Promise<{ asked: boolean }> {
    if (!this.enabled) throw new NotFound('route', 'admin/field-reviews/:id/make-due');
    return this.ds.transaction(async (m) => {
      const review = await this.repo.find(reviewId, m, true);
      if (!review) throw new NotFound('field_review', reviewId);
      if (review.answeredAt !== null) return { asked: false };
      await this.repo.moveDue(reviewId, new Date(Date.now() - 1000), m);
      const fired = await this.notifier.fireIn(m, reviewId, 'ask');
      await this.outbox.append(m, 'realisation.schedule_field_reviews', { projectId: review.projectId });
      return { asked: fired.fired };
    });
  }
}
