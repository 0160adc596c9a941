import type { EntityManager } from 'typeorm';
import { DELETE_INACTIVE_HEADCOUNTS, UPSERT_HEADCOUNTS } from '@eclore/server-identity';

/** The year's head counts (direct and whole subtree), with the directory import's own statements. */
export async function refreshHeadcounts(manager: EntityManager, year: number): Promise<void> {
  await manager.query(UPSERT_HEADCOUNTS, [year]);
  await manager.query(DELETE_INACTIVE_HEADCOUNTS, [year]);
}
