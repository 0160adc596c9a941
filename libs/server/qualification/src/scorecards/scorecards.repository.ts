import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Scorecard } from '../entities';

/** When each reviewer submitted their scorecard on an idea. */
export interface SubmittedAtRow {
  ideaId: string;
  reviewerId: string;
  submittedAt: Date | null;
}

/** Concurrent first saves by the same reviewer: the unique (idea, reviewer) index keeps one row. */
const UPSERT_SCORECARD_SQL = `INSERT INTO scorecard (idea_id, reviewer_id, status, scores, comment, submitted_at)
  VALUES ($1, $2, $3, $4::jsonb, $5, CASE WHEN $3 = 'submitted' THEN now() END)
  ON CONFLICT (idea_id, reviewer_id) DO UPDATE
    SET status = EXCLUDED.status, scores = EXCLUDED.scores, comment = EXCLUDED.comment,
        submitted_at = EXCLUDED.submitted_at, updated_at = now()`;

/** The submitted scorecards of these ideas, earliest submitted first. */
export function submittedScorecards(manager: EntityManager, ideaIds: readonly string[]): Promise<Scorecard[]> {
  return manager.find(Scorecard, {
    where: { ideaId: In([...ideaIds]), status: 'submitted' },
    order: { submittedAt: 'ASC', id: 'ASC' },
  });
}

/** Whether the idea has at least one submitted scorecard. */
export function hasSubmittedScorecard(manager: EntityManager, ideaId: string): Promise<boolean> {
  return manager.existsBy(Scorecard, { ideaId, status: 'submitted' });
}

/** When the submitted scorecards of these ideas were submitted, per reviewer. */
export function submittedAtOf(manager: EntityManager, ideaIds: readonly string[]): Promise<SubmittedAtRow[]> {
  return manager.find(Scorecard, {
    select: { ideaId: true, reviewerId: true, submittedAt: true },
    where: { ideaId: In([...ideaIds]), status: 'submitted' },
  });
}

/** The scorecard table: one per idea and reviewer, draft or submitted. */
@Injectable()
export class ScorecardsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every scorecard of the idea, earliest submitted first. */
  ofIdea(ideaId: string, manager = this.ds.manager): Promise<Scorecard[]> {
    return manager.find(Scorecard, { where: { ideaId }, order: { submittedAt: 'ASC', id: 'ASC' } });
  }

  /** The reviewer's scorecard on the idea, row-locked (inside a transaction). */
  lockOne(ideaId: string, reviewerId: string, manager: EntityManager): Promise<Scorecard | null> {
    return manager.findOne(Scorecard, { where: { ideaId, reviewerId }, lock: { mode: 'pessimistic_write' } });
  }

  async upsert(
    card: {
      ideaId: string;
      reviewerId: string;
      status: 'draft' | 'submitted';
      scores: Record<string, number>;
      comment: string;
    },
    manager = this.ds.manager,
  ): Promise<void> {
    await manager.query(UPSERT_SCORECARD_SQL, [
      card.ideaId,
      card.reviewerId,
      card.status,
      JSON.stringify(card.scores),
      card.comment,
    ]);
  }
}
