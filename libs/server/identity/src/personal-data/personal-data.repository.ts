import { In, type EntityManager } from 'typeorm';
import { PersonalDataExport } from '../entities';
import {
  ANONYMOUS_IDEAS_OF,
  ANONYMOUS_PLACEHOLDER_ID,
  DETACH_FROM_ANONYMOUS_IDEA,
  ENSURE_PLACEHOLDER,
  ERASURE_PLAN,
} from './erasure-plan';
import { EXPORT_QUERIES, type ExportCategory, type ExportRows } from './sql/export-queries.sql';

/**
 * The SQL of personal-data export and erasure. This feature is cross-cutting by nature (a person's
 * data lives in every context), and the identity context sits below the others in the dependency
 * graph, so it cannot call their exported functions: it reads their tables here, in one reviewed
 * place, with a named row type per category.
 */

export async function readExportCategory<C extends ExportCategory>(
  manager: EntityManager,
  category: C,
  personId: string,
): Promise<ExportRows[C][]> {
  return (await manager.query(EXPORT_QUERIES[category], [personId])) as ExportRows[C][];
}

export interface ErasurePersonRow {
  id: string;
  givenName: string;
  familyName: string;
  erasedAt: Date | null;
}

/** The person's name and erasure state (null when unknown); `lock` inside the erasure's transaction. */
export async function personForErasure(
  manager: EntityManager,
  personId: string,
  lock = false,
): Promise<ErasurePersonRow | null> {
  const rows = (await manager.query(
    `SELECT id, given_name AS "givenName", family_name AS "familyName", erased_at AS "erasedAt"
       FROM person WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [personId],
  )) as ErasurePersonRow[];
  return rows[0] ?? null;
}

/** Storage keys of the person's export archives, removed from the file store once the erasure commits. */
export async function exportArchiveKeys(manager: EntityManager, personId: string): Promise<string[]> {
  const rows = (await manager.query(
    'SELECT storage_key AS "storageKey" FROM personal_data_export WHERE person_id = $1 AND storage_key IS NOT NULL',
    [personId],
  )) as { storageKey: string }[];
  return rows.map((r) => r.storageKey);
}

/** Hands each anonymous idea of the person to the shared placeholder; returns how many ideas. */
export async function detachAnonymousIdeas(manager: EntityManager, personId: string): Promise<number> {
  const ideas = (await manager.query(ANONYMOUS_IDEAS_OF, [personId])) as { id: string }[];
  if (ideas.length > 0) await manager.query(ENSURE_PLACEHOLDER);
  for (const idea of ideas) {
    for (const sql of DETACH_FROM_ANONYMOUS_IDEA) {
      await manager.query(sql, [personId, idea.id, ANONYMOUS_PLACEHOLDER_ID]);
    }
  }
  return ideas.length;
}

/** Runs every step of the plan that changes something; returns the rows affected per `table.column`. */
export async function applyErasurePlan(
  manager: EntityManager,
  personId: string,
  actorId: string | null,
): Promise<Record<string, number>> {
  const affected: Record<string, number> = {};
  for (const [column, step] of Object.entries(ERASURE_PLAN)) {
    if (!step.sql) continue;
    const params = step.sql.includes('$2') ? [personId, actorId] : [personId];
    // TypeORM's postgres driver answers [rows, count] for UPDATE/DELETE.
    const result = (await manager.query(step.sql, params)) as unknown;
    affected[column] = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
  return affected;
}

/** Deactivated people whose deactivation is older than the retention period and who are not erased yet. */
export async function peopleDueForErasure(manager: EntityManager, days: number, limit: number): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT id FROM person
      WHERE NOT active AND erased_at IS NULL AND deactivated_at < now() - make_interval(days => $1)
      ORDER BY deactivated_at LIMIT $2`,
    [days, limit],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

export interface ExpiredArchiveRow {
  id: string;
  storageKey: string;
}

/** Built archives past their expiry whose file is still stored. */
export async function expiredArchives(manager: EntityManager): Promise<ExpiredArchiveRow[]> {
  return (await manager.query(
    `SELECT id, storage_key AS "storageKey" FROM personal_data_export
      WHERE storage_key IS NOT NULL AND expires_at < now() LIMIT 500`,
  )) as ExpiredArchiveRow[];
}

export async function forgetArchive(manager: EntityManager, exportId: string): Promise<void> {
  await manager.query('UPDATE personal_data_export SET storage_key = NULL WHERE id = $1', [exportId]);
}

// ---- export requests (the personal_data_export table) ----

export async function openExportOf(manager: EntityManager, personId: string): Promise<PersonalDataExport | null> {
  return manager.getRepository(PersonalDataExport).findOne({
    where: { personId, status: In(['queued', 'building']) },
    order: { createdAt: 'DESC' },
  });
}

export async function insertExport(manager: EntityManager, personId: string): Promise<PersonalDataExport> {
  return manager.getRepository(PersonalDataExport).save({ personId, status: 'queued', doneSteps: 0 });
}

export async function findExport(manager: EntityManager, exportId: string): Promise<PersonalDataExport | null> {
  return manager.getRepository(PersonalDataExport).findOneBy({ id: exportId });
}

export async function recentExportsOf(
  manager: EntityManager,
  personId: string,
  limit: number,
): Promise<PersonalDataExport[]> {
  return manager
    .getRepository(PersonalDataExport)
    .find({ where: { personId }, order: { createdAt: 'DESC' }, take: limit });
}

export async function updateExport(
  manager: EntityManager,
  exportId: string,
  change: Partial<
    Pick<
      PersonalDataExport,
      'status' | 'doneSteps' | 'totalSteps' | 'storageKey' | 'sizeBytes' | 'finishedAt' | 'expiresAt'
    >
  >,
): Promise<void> {
  await manager.getRepository(PersonalDataExport).update({ id: exportId }, change);
}
