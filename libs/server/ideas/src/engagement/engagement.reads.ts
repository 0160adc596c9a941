import type { EntityManager } from 'typeorm';
import type { EventAuthor } from '@eclore/domain';

/** An idea event as other contexts (notifications) read it. */
export interface IdeaEventRow {
  id: string;
  idea_id: string;
  type: string;
  actor_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * The reads of the ideas context that the notifications context needs to choose who hears of an
 * event (its tables are read only through these).
 */
export const engagementReads = {
  async event(m: EntityManager, ideaEventId: string): Promise<IdeaEventRow | undefined> {
    const [row] = (await m.query(
      `SELECT e.id::text AS id, e.idea_id, e.type, e.actor_id, e.data, e.occurred_at
         FROM idea_event e WHERE e.id = $1`,
      [ideaEventId],
    )) as IdeaEventRow[];
    return row;
  },

  /** Every author of the idea, whatever their status (the domain decides who is told). */
  authors(m: EntityManager, ideaId: string): Promise<EventAuthor[]> {
    return m.query('SELECT person_id AS "personId", role, status FROM idea_author WHERE idea_id = $1', [ideaId]);
  },

  async followerIds(m: EntityManager, ideaId: string): Promise<string[]> {
    const rows = (await m.query('SELECT person_id FROM idea_follow WHERE idea_id = $1', [ideaId])) as {
      person_id: string;
    }[];
    return rows.map((f) => f.person_id);
  },

  /** The comment's author; null when there is no such comment (any string is safe: compared as text). */
  async commentAuthorId(m: EntityManager, commentId: string): Promise<string | null> {
    const [row] = (await m.query('SELECT author_id FROM idea_comment WHERE id::text = $1', [commentId])) as {
      author_id: string;
    }[];
    return row?.author_id ?? null;
  },
};
