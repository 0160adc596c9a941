import type { EntityManager } from 'typeorm';

/**
 * Supports and follows are rows with a (idea, person) primary key; the idea's counter moves only
 * when a row was really inserted or deleted, in the same transaction. `INSERT ... ON CONFLICT DO
 * NOTHING` makes a concurrent duplicate wait for the first insert and then insert nothing, so
 * parallel requests from one person count once.
 */
export type CountedTable = 'support' | 'idea_follow';

/** Whether a row was really added or removed, and the idea's counter after. */
export interface CountChange {
  changed: boolean;
  count: number;
}
const COUNTER: Record<CountedTable, 'support_count' | 'follower_count'> = {
  support: 'support_count',
  idea_follow: 'follower_count',
};

/**
 * The counters live in idea_counter, not in idea: moving one must not write a new version of the
 * idea row and its search index (migration IdeaCounters). The upsert covers a row the idea's insert
 * trigger did not make (an idea loaded with triggers off).
 */
async function bump(manager: EntityManager, table: CountedTable, ideaId: string, delta: 1 | -1): Promise<number> {
  const column = COUNTER[table];
  const rows = (await manager.query(
    `INSERT INTO idea_counter AS c (idea_id, ${column}) VALUES ($1, greatest($2::int, 0))
     ON CONFLICT (idea_id) DO UPDATE SET ${column} = c.${column} + $2::int RETURNING c.${column} AS count`,
    [ideaId, delta],
  )) as { count: number }[];
  return rows[0]?.count ?? 0;
}

async function current(manager: EntityManager, table: CountedTable, ideaId: string): Promise<number> {
  const column = COUNTER[table];
  const rows = (await manager.query(`SELECT ${column} AS count FROM idea_counter WHERE idea_id = $1`, [ideaId])) as {
    count: number;
  }[];
  return rows[0]?.count ?? 0;
}

/** Adds the row if absent; returns whether it was added and the idea's counter after. */
export async function addCounted(
  manager: EntityManager,
  table: CountedTable,
  ideaId: string,
  personId: string,
): Promise<CountChange> {
  const inserted = (await manager.query(
    `INSERT INTO ${table} (idea_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING person_id`,
    [ideaId, personId],
  )) as unknown[];
  if (inserted.length === 0) return { changed: false, count: await current(manager, table, ideaId) };
  return { changed: true, count: await bump(manager, table, ideaId, 1) };
}

/** Removes the row if present; returns whether it was removed and the idea's counter after. */
export async function removeCounted(
  manager: EntityManager,
  table: CountedTable,
  ideaId: string,
  personId: string,
): Promise<CountChange> {
  const deleted = (await manager.query(
    `DELETE FROM ${table} WHERE idea_id = $1 AND person_id = $2 RETURNING person_id`,
    [ideaId, personId],
  )) as [unknown[], number];
  if (deleted[0].length === 0) return { changed: false, count: await current(manager, table, ideaId) };
  return { changed: true, count: await bump(manager, table, ideaId, -1) };
}

/**
 * The author's automatic follow on submit (and anyone's follow): idempotent, counter exact.
 * Call it inside the submit command's transaction.
 */
export async function follow(manager: EntityManager, ideaId: string, personId: string): Promise<boolean> {
  return (await addCounted(manager, 'idea_follow', ideaId, personId)).changed;
}

export async function unfollow(manager: EntityManager, ideaId: string, personId: string): Promise<boolean> {
  return (await removeCounted(manager, 'idea_follow', ideaId, personId)).changed;
}
