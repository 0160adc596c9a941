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
 * idea row and its search index (migration IdeaCounters). The row and its counter move in one
 * statement (one round trip: a support is the most frequent write): the counter's upsert reads what
 * the first part added or removed, and answers the count only when it did. The upsert also covers a
 * counter row the idea's insert trigger did not make (an idea loaded with triggers off).
 */
function moveCounted(table: CountedTable, change: 'add' | 'remove'): string {
  const column = COUNTER[table];
  const row =
    change === 'add'
      ? `INSERT INTO ${table} (idea_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING idea_id`
      : `DELETE FROM ${table} WHERE idea_id = $1 AND person_id = $2 RETURNING idea_id`;
  return `
    WITH moved AS (${row})
    INSERT INTO idea_counter AS c (idea_id, ${column}) SELECT idea_id, ${change === 'add' ? 1 : 0} FROM moved
    ON CONFLICT (idea_id) DO UPDATE SET ${column} = c.${column} ${change === 'add' ? '+' : '-'} 1
    RETURNING c.${column} AS count`;
}

/**
 * The counter when nothing moved, read by a statement of its own: a repeat that waited on a
 * concurrent first (ON CONFLICT) must see the count that first one committed.
 */
async function current(manager: EntityManager, table: CountedTable, ideaId: string): Promise<number> {
  const column = COUNTER[table];
  const rows = (await manager.query(`SELECT ${column} AS count FROM idea_counter WHERE idea_id = $1`, [ideaId])) as {
    count: number;
  }[];
  return rows[0]?.count ?? 0;
}

async function move(
  manager: EntityManager,
  table: CountedTable,
  change: 'add' | 'remove',
  ideaId: string,
  personId: string,
): Promise<CountChange> {
  const [moved] = (await manager.query(moveCounted(table, change), [ideaId, personId])) as { count: number }[];
  return moved
    ? { changed: true, count: moved.count }
    : { changed: false, count: await current(manager, table, ideaId) };
}

/** Adds the row if absent; returns whether it was added and the idea's counter after. */
export function addCounted(
  manager: EntityManager,
  table: CountedTable,
  ideaId: string,
  personId: string,
): Promise<CountChange> {
  return move(manager, table, 'add', ideaId, personId);
}

/** Removes the row if present; returns whether it was removed and the idea's counter after. */
export function removeCounted(
  manager: EntityManager,
  table: CountedTable,
  ideaId: string,
  personId: string,
): Promise<CountChange> {
  return move(manager, table, 'remove', ideaId, personId);
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
