import type { EntityManager } from 'typeorm';
import { AuditPseudonym } from '../entities';

const UPSERT = `
  INSERT INTO audit_pseudonym (person_id, subject_type, subject_id) VALUES ($1, $2, $3)
  ON CONFLICT (person_id, subject_type, subject_id) DO NOTHING`;

/** The pseudonym of a person acting on a subject, created on first use (stable afterwards). */
export async function pseudonymFor(
  manager: EntityManager,
  personId: string,
  subjectType: string,
  subjectId: string,
): Promise<string> {
  await manager.query(UPSERT, [personId, subjectType, subjectId]);
  const row = await manager.findOneOrFail(AuditPseudonym, {
    where: { personId, subjectType, subjectId },
    select: { id: true },
  });
  return row.id;
}

/** Which person stands behind each of these pseudonyms on this subject (for the guardian's reveal). */
export async function pseudonymsOfSubject(
  manager: EntityManager,
  subjectType: string,
  subjectId: string,
): Promise<{ pseudonym: string; personId: string }[]> {
  const rows = await manager.find(AuditPseudonym, {
    where: { subjectType, subjectId },
    select: { id: true, personId: true },
    order: { createdAt: 'ASC' },
  });
  return rows.map((r) => ({ pseudonym: r.id, personId: r.personId }));
}
