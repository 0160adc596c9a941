import type { EntityManager } from 'typeorm';

/** An idea event as the contribution ledger reads it. */
export interface LedgerEventRow {
  id: string;
  ideaId: string;
  type: string;
  fromStatus: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** Who is credited on an idea and whose identity is hidden on it (as creditsOf decides). */
export interface IdeaCreditFacts {
  ideaId: string;
  authorId: string;
  hiddenIds: Set<string>;
}

const EVENT_COLUMNS = `e.id::text AS id, e.idea_id AS "ideaId", e.type, e.from_status AS "fromStatus",
  e.actor_id AS "actorId", e.data, e.occurred_at AS "occurredAt"`;

/**
 * The reads of the ideas context the recognition context's ledger needs, set-based so a replay of a
 * year's history reads each table once per batch (its tables are read only through these).
 */
export const ledgerReads = {
  events(m: EntityManager, ids: readonly string[]): Promise<LedgerEventRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return m.query(`SELECT ${EVENT_COLUMNS} FROM idea_event e WHERE e.id = ANY($1::bigint[]) ORDER BY e.id`, [
      [...ids],
    ]);
  },

  /** The next ids of events of these types after `afterId`, in id order (keyset pagination). */
  async eventIdsAfter(m: EntityManager, afterId: string, types: readonly string[], limit: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      // ORDER BY e.id, the bigint: a bare `id` would be the text alias, ordering '10' before '9' and
      // making the keyset skip events.
      `SELECT e.id::text AS id FROM idea_event e WHERE e.id > $1::bigint AND e.type = ANY($2::text[]) ORDER BY e.id LIMIT $3`,
      [afterId, [...types], limit],
    );
    return rows.map((r) => r.id);
  },

  /**
   * Per idea: its author, and whose identity is hidden (every accepted author and the capturer of an
   * anonymous idea; an author kept anonymous by a merge), the rule of creditsOf in idea-credits.ts.
   */
  async creditFacts(m: EntityManager, ideaIds: readonly string[]): Promise<Map<string, IdeaCreditFacts>> {
    const unique = [...new Set(ideaIds)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; author_id: string; hidden: string[] }[] = await m.query(
      `SELECT i.id, i.author_id,
              coalesce(array_agg(DISTINCT h.person_id) FILTER (WHERE h.person_id IS NOT NULL), '{}') AS hidden
         FROM idea i
         LEFT JOIN LATERAL (
           SELECT a.person_id FROM idea_author a
            WHERE a.idea_id = i.id AND a.status = 'accepted' AND (a.anonymous OR i.anonymous)
           UNION SELECT i.author_id WHERE i.anonymous
           UNION SELECT i.captured_by WHERE i.anonymous AND i.captured_by IS NOT NULL
         ) h ON true
        WHERE i.id = ANY($1::uuid[])
        GROUP BY i.id, i.author_id`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { ideaId: r.id, authorId: r.author_id, hiddenIds: new Set(r.hidden) }]));
  },

  /** The writers of these comments (any string is safe: compared as text). */
  async commentAuthors(m: EntityManager, commentIds: readonly string[]): Promise<Map<string, string>> {
    if (commentIds.length === 0) return new Map();
    const rows: { id: string; author_id: string }[] = await m.query(
      'SELECT id::text AS id, author_id FROM idea_comment WHERE id::text = ANY($1::text[])',
      [[...new Set(commentIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.author_id]));
  },
};
