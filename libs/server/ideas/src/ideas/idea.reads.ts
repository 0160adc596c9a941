import { In, IsNull, Not, type EntityManager } from 'typeorm';
import type { IdeaStatus, ScopeTarget } from '@eclore/domain';
import { Campaign, Idea } from '../entities';

/**
 * The ideas context's plain reads that other contexts use (ideas by id, row locks, campaigns): they
 * read these tables only through here. Presenting an idea still goes through IdeaAccess.
 */

/** The ideas with these ids (with their org unit when asked), in no particular order. */
export async function ideasByIds(
  manager: EntityManager,
  ids: readonly string[],
  options: { withOrgUnit?: boolean } = {},
): Promise<Idea[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return manager.find(Idea, {
    where: { id: In(unique) },
    ...(options.withOrgUnit ? { relations: { orgUnit: true } } : {}),
  });
}

/**
 * Takes the row locks of these ideas, in id order (every writer that locks several ideas does so, so
 * none deadlock); returns the ids that exist.
 */
export async function lockIdeas(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    'SELECT id FROM idea WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [[...ids]],
  );
  return rows.map((r) => r.id);
}

/** Where an idea sits, for scoped roles (null when the idea does not exist). */
export async function ideaScopeTarget(manager: EntityManager, ideaId: string): Promise<ScopeTarget | null> {
  const rows: { path: string[] | null; themes: string[] }[] = await manager.query(
    `SELECT ou.path, i.themes FROM idea i LEFT JOIN org_unit ou ON ou.id = i.org_unit_id WHERE i.id = $1`,
    [ideaId],
  );
  const row = rows[0];
  return row ? { orgUnitPath: row.path ?? [], themes: row.themes } : null;
}

/** The idea's status and parking date (null when the idea does not exist): when to resume it. */
export async function ideaParkingOf(
  manager: EntityManager,
  ideaId: string,
): Promise<{ status: IdeaStatus; parkedUntil: Date | null } | null> {
  return manager.findOne(Idea, { select: { id: true, status: true, parkedUntil: true }, where: { id: ideaId } });
}

/** The idea's answer and parking date as last written (null when the idea does not exist). */
export async function ideaAnswerOf(
  manager: EntityManager,
  ideaId: string,
): Promise<{ answerText: string | null; parkedUntil: Date | null } | null> {
  return manager.findOne(Idea, { select: { id: true, answerText: true, parkedUntil: true }, where: { id: ideaId } });
}

/** Ideas not hidden in these statuses, oldest answer first, but those excluded, at most `limit`. */
export function ideasInStatuses(
  manager: EntityManager,
  statuses: readonly IdeaStatus[],
  options: { excludeIds: readonly string[]; limit: number },
): Promise<Idea[]> {
  return manager.find(Idea, {
    where: {
      status: In([...statuses]),
      hiddenAt: IsNull(),
      ...(options.excludeIds.length ? { id: Not(In([...options.excludeIds])) } : {}),
    },
    order: { answerGivenAt: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
    take: options.limit,
  });
}

/** The campaign, row-locked when asked (null when unknown). */
export function campaignById(
  manager: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Campaign | null> {
  return manager.findOne(Campaign, {
    where: { id },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}
