import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { IdeaStatus } from '@eclore/domain';
import { IdeaFollow, Support } from '../entities';
import { addCounted, removeCounted, type CountedTable, type CountChange } from './counters';
import { IdeasContextRepository } from '../repository';

const RECOUNT = `
  INSERT INTO idea_counter AS k (idea_id, support_count, follower_count, comment_count)
  SELECT i.id,
    (SELECT count(*) FROM support s WHERE s.idea_id = i.id),
    (SELECT count(*) FROM idea_follow f WHERE f.idea_id = i.id),
    (SELECT count(*) FROM idea_comment c WHERE c.idea_id = i.id AND c.hidden_at IS NULL)
  FROM idea i WHERE i.id = ANY($1::uuid[])
  ON CONFLICT (idea_id) DO UPDATE SET support_count = EXCLUDED.support_count,
    follower_count = EXCLUDED.follower_count, comment_count = EXCLUDED.comment_count`;

/** Both rows locked, in a fixed order, so two merges touching the same ideas cannot deadlock. */
const LOCK_IDEAS = 'SELECT id FROM idea WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE';

const MARK_MERGED = `
  UPDATE idea SET status = $2, merged_into_id = $3, version = version + 1, updated_at = now()
  WHERE id = $1 AND version = $4 RETURNING id`;

/** The target's credited authors do not support their own idea: their supports stay behind. */
const MOVE_SUPPORTS = `
  INSERT INTO support (idea_id, person_id, created_at)
  SELECT $2, person_id, created_at FROM support WHERE idea_id = $1 AND person_id <> ALL($3::uuid[])
  ON CONFLICT DO NOTHING RETURNING person_id`;

const MOVE_FOLLOWS = `
  INSERT INTO idea_follow (idea_id, person_id, created_at)
  SELECT $2, person_id, created_at FROM idea_follow WHERE idea_id = $1
  ON CONFLICT DO NOTHING RETURNING person_id`;

/** Replies keep their parent: the whole thread moves together. */
const MOVE_COMMENTS = 'UPDATE idea_comment SET idea_id = $2 WHERE idea_id = $1 RETURNING id';

/** Credits a person as an accepted co-author; an anonymous credit stays anonymous. */
const CREDIT_CO_AUTHOR = `
  INSERT INTO idea_author (idea_id, person_id, role, status, invited_by, invited_at, responded_at, anonymous)
  VALUES ($1, $2, 'co_author', 'accepted', $3, now(), now(), $4)
  ON CONFLICT (idea_id, person_id) DO UPDATE
    SET status = 'accepted', responded_at = now(), anonymous = idea_author.anonymous OR EXCLUDED.anonymous
    WHERE idea_author.status <> 'accepted' OR (EXCLUDED.anonymous AND NOT idea_author.anonymous)
  RETURNING person_id`;

/** A merge's move from the duplicate (source) to the idea it is merged into (target). */
export interface MergeMove {
  sourceId: string;
  targetId: string;
}

/** Every query of supports, follows and merges; each method runs in the caller's transaction when given its manager. */
@Injectable()
export class EngagementRepository extends IdeasContextRepository {
  hasSupported(ideaId: string, personId: string, manager = this.ds.manager): Promise<boolean> {
    return manager.exists(Support, { where: { ideaId, personId } });
  }

  isFollowing(ideaId: string, personId: string, manager = this.ds.manager): Promise<boolean> {
    return manager.exists(IdeaFollow, { where: { ideaId, personId } });
  }

  add(table: CountedTable, ideaId: string, personId: string, manager: EntityManager): Promise<CountChange> {
    return addCounted(manager, table, ideaId, personId);
  }

  remove(table: CountedTable, ideaId: string, personId: string, manager: EntityManager): Promise<CountChange> {
    return removeCounted(manager, table, ideaId, personId);
  }

  // ---- merge

  async lockIdeas(ids: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(LOCK_IDEAS, [ids]);
  }

  /** Ends the duplicate as merged if its version is still the one read; answers whether it was. */
  async markMerged(
    move: MergeMove,
    status: IdeaStatus,
    expectedVersion: number,
    manager: EntityManager,
  ): Promise<boolean> {
    const [rows] = (await manager.query(MARK_MERGED, [move.sourceId, status, move.targetId, expectedVersion])) as [
      unknown[],
      number,
    ];
    return rows.length > 0;
  }

  async supporterIds(ideaId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(Support).find({ where: { ideaId }, select: { personId: true } });
    return rows.map((r) => r.personId);
  }

  async followerIds(ideaId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(IdeaFollow).find({ where: { ideaId }, select: { personId: true } });
    return rows.map((r) => r.personId);
  }

  /** Moves the supports (but those of `excludedPersonIds`); answers how many the target gained. */
  async moveSupports(move: MergeMove, excludedPersonIds: readonly string[], manager: EntityManager): Promise<number> {
    const moved = await manager.query<unknown[]>(MOVE_SUPPORTS, [move.sourceId, move.targetId, excludedPersonIds]);
    await manager.getRepository(Support).delete({ ideaId: move.sourceId });
    return moved.length;
  }

  /** Moves the follows; answers how many the target gained. */
  async moveFollows(move: MergeMove, manager: EntityManager): Promise<number> {
    const moved = await manager.query<unknown[]>(MOVE_FOLLOWS, [move.sourceId, move.targetId]);
    await manager.getRepository(IdeaFollow).delete({ ideaId: move.sourceId });
    return moved.length;
  }

  /** Moves every comment; answers the moved comments' ids. */
  async moveComments(move: MergeMove, manager: EntityManager): Promise<string[]> {
    const [rows] = (await manager.query(MOVE_COMMENTS, [move.sourceId, move.targetId])) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  /** Answers whether the credit was new (or newly accepted, or newly anonymous). */
  async creditCoAuthor(
    ideaId: string,
    personId: string,
    creditedBy: string,
    anonymous: boolean,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(CREDIT_CO_AUTHOR, [ideaId, personId, creditedBy, anonymous]);
    return rows.length > 0;
  }

  /** Recounts supports, follows and visible comments from the rows (after a merge moved them). */
  async recount(ideaIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(RECOUNT, [ideaIds]);
  }
}
