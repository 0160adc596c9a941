import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads on `manager`: side by side on the pool when the manager has no connection
 * of its own (or there is none: each read then uses the default manager), one after the other
 * inside a transaction. A transaction is one connection, and
 * node-postgres queues queries sent to a client that is busy (deprecated: pg 9 refuses them).
 */
export async function readsOn<T extends readonly unknown[] | []>(
  manager: EntityManager | undefined,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const all = reads as readonly (() => Promise<unknown>)[];
  if (!manager?.queryRunner) return (await Promise.all(all.map((read) => read()))) as T;
  const done: unknown[] = [];
  for (const read of all) done.push(await read());
  return done as T;
}
