import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canClose, Conflict, fieldReviewSchedule } from '@eclore/domain';
import { OutboxService } from '@eclore/server-platform';
import { IdeaCommandHooks, type IdeaCommandApplied } from '@eclore/server-ideas';
import { FieldReviewsRepository } from './field-reviews.repository';

/** `close` refused while the last field review is unanswered (409, before any write commits). */
export class FieldReviewPending extends Conflict {
  constructor() {
    super('field_review_pending', 'The idea can be closed once its last field review is answered.');
  }
}

/**
 * The return to the field inside the lifecycle's own transaction: going live (complete_implementation
 * → follow_up) schedules each project's reviews from go-live (the project's go_live_at, or now,
 * written if absent) and asks the worker, through the outbox, to add their delayed jobs; closing
 * needs the last review answered (domain `canClose`).
 */
@Injectable()
export class FieldReviewHooks implements OnModuleInit {
  constructor(
    private readonly hooks: IdeaCommandHooks,
    private readonly repo: FieldReviewsRepository,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, applied) => this.onCommand(m, applied));
  }

  async onCommand(m: EntityManager, applied: IdeaCommandApplied): Promise<void> {
    if (applied.command === 'complete_implementation' && applied.to === 'follow_up') {
      await this.schedule(m, applied.ideaId, new Date());
    } else if (applied.command === 'close') {
      const reviews = await this.repo.ofIdea(applied.ideaId, m);
      if (!canClose(reviews)) throw new FieldReviewPending();
    }
  }

  /** Writes the reviews of every project of the idea (once) and their scheduling message. */
  async schedule(m: EntityManager, ideaId: string, now: Date): Promise<number> {
    const settings = await this.repo.settings(m);
    let added = 0;
    for (const project of await this.repo.projectsOfIdea(ideaId, m)) {
      const goLive = project.goLiveAt ?? now;
      if (project.goLiveAt === null) await this.repo.setGoLive(project.id, goLive, m);
      added += await this.repo.insertSchedule(project.id, fieldReviewSchedule(goLive, settings), m);
      await this.outbox.append(m, 'realisation.schedule_field_reviews', { projectId: project.id });
    }
    return added;
  }
}
