import { IsNull, type EntityManager } from 'typeorm';
import { QualificationAssignment } from '../entities';

/**
 * Reads of the open assignments that other features (deadlines, scorecards) and other contexts use:
 * below routing, so that they need not import it.
 */

/** The people currently assigned to review the idea (open assignments), oldest first. */
export async function openAssigneeIds(manager: EntityManager, ideaId: string): Promise<string[]> {
  const rows = await manager.find(QualificationAssignment, {
    select: { personId: true },
    where: { ideaId, endedAt: IsNull() },
    order: { assignedAt: 'ASC', personId: 'ASC' },
  });
  return rows.map((r) => r.personId);
}

/** Whether the person has an open assignment on the idea (e.g. may score it). */
export function isOpenAssignee(manager: EntityManager, ideaId: string, personId: string): Promise<boolean> {
  return manager.exists(QualificationAssignment, { where: { ideaId, personId, endedAt: IsNull() } });
}
