import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Idea, IdeaComment, IdeaEvent } from '../entities';
import { IdeasContextRepository } from '../repository';

/** A comment to write; its body is already sanitised and its mentions resolved. */
export type NewComment = Pick<IdeaComment, 'ideaId' | 'parentId' | 'authorId' | 'bodyHtml' | 'mentions'>;

// Raw on purpose: TypeORM's update builder would also bump the idea's version and updated_at, and a
// comment does not change the idea its authors are editing.
/** The count lives in idea_counter (migration IdeaCounters): a comment does not rewrite the idea row. */
const COUNT_COMMENT = `
  INSERT INTO idea_counter AS c (idea_id, comment_count) VALUES ($1, 1)
  ON CONFLICT (idea_id) DO UPDATE SET comment_count = c.comment_count + 1`;

/** Every query of the comments; each method runs in the caller's transaction when given its manager. */
@Injectable()
export class CommentsRepository extends IdeasContextRepository {
  /** The idea's comments in thread order (oldest first; replies point at their parent). */
  commentsOf(ideaId: string, manager = this.ds.manager): Promise<IdeaComment[]> {
    return manager.find(IdeaComment, { where: { ideaId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findOnIdea(id: string, ideaId: string, manager = this.ds.manager): Promise<IdeaComment | null> {
    return manager.findOne(IdeaComment, { where: { id, ideaId } });
  }

  /** The comment, locked until the transaction ends (adoption: one mark, one first event, under races). */
  lockOnIdea(id: string, ideaId: string, manager: EntityManager): Promise<IdeaComment | null> {
    return manager.findOne(IdeaComment, { where: { id, ideaId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Sets (a date) or clears (null) the authors' adopted mark. */
  async setAdopted(id: string, adoptedAt: Date | null, manager: EntityManager): Promise<void> {
    await manager.update(IdeaComment, { id }, { adoptedAt });
  }

  /** Was this comment ever adopted? The idea's history says so (the mark may have been withdrawn since). */
  async everAdopted(ideaId: string, commentId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM idea_event WHERE idea_id = $1 AND type = 'comment_adopted' AND data->>'commentId' = $2 LIMIT 1`,
      [ideaId, commentId],
    );
    return rows.length > 0;
  }

  /** Inserts the comment and counts it on the idea; answers its id. */
  async insert(comment: NewComment, manager: EntityManager): Promise<string> {
    const inserted = await manager.insert(IdeaComment, comment);
    await manager.query(COUNT_COMMENT, [comment.ideaId]);
    return String(inserted.identifiers[0]!['id']);
  }

  /** The idea's `merged` events (they say which comments came from which merged idea). */
  mergedEvents(ideaId: string, manager = this.ds.manager): Promise<IdeaEvent[]> {
    return manager.find(IdeaEvent, { where: { ideaId, type: 'merged' } });
  }

  async titles(ideaIds: readonly string[], manager = this.ds.manager): Promise<Map<string, string>> {
    if (ideaIds.length === 0) return new Map();
    const rows = await manager.find(Idea, { where: { id: In([...ideaIds]) }, select: { id: true, title: true } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
