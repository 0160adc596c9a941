import { In, type EntityManager } from 'typeorm';
import { PersonalDataExport } from '../entities';
import {
  ANONYMOUS_IDEAS_OF,
  ANONYMOUS_PLACEHOLDER_ID,
  DETACH_FROM_ANONYMOUS_IDEA,
  ENSURE_PLACEHOLDER,
  ERASURE_PLAN,
} from './erasure-plan';

/**
 * The SQL of personal-data export and erasure. This feature is cross-cutting by nature (a person's
 * data lives in every context), and the identity context sits below the others in the dependency
 * graph, so it cannot call their exported functions: it reads their tables here, in one reviewed
 * place, with a named row type per category.
 */

export interface ExportProfileRow {
  id: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  orgUnit: string | null;
  active: boolean;
  deactivatedAt: Date | null;
  locale: string | null;
  createdAt: Date;
}
export interface ExportRoleRow {
  role: string;
  scopeKind: string;
  scopeOrgUnit: string | null;
  scopeTheme: string | null;
  grantedAt: Date;
  revokedAt: Date | null;
}
export interface ExportIdeaRow {
  id: string;
  kind: string;
  title: string;
  summary: string;
  bodyHtml: string;
  status: string;
  anonymous: boolean;
  yourRole: string | null;
  yourCreditHidden: boolean;
  capturedByYou: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
}
export interface ExportCommentRow {
  id: string;
  ideaId: string;
  parentId: string | null;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
}
export interface ExportIdeaRefRow {
  ideaId: string;
  ideaTitle: string;
  createdAt: Date;
}
export interface ExportScorecardRow {
  id: string;
  ideaId: string;
  status: string;
  scores: unknown;
  comment: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
}
export interface ExportNoteRow {
  id: string;
  ideaId: string;
  bodyHtml: string;
  createdAt: Date;
}
export interface ExportNotificationRow {
  id: string;
  ideaId: string | null;
  eventType: string;
  category: string;
  readAt: Date | null;
  createdAt: Date;
}
export interface ExportPreferenceRow {
  category: string;
  frequency: string;
  updatedAt: Date;
}
export interface ExportAuditRow {
  id: string;
  occurredAt: Date;
  action: string;
  subjectType: string;
  subjectId: string | null;
  byYou: boolean;
  /** Only for entries about the person: an entry they made may carry other people's data. */
  data: unknown;
}
export interface ExportAttachmentRow {
  id: string;
  ideaId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
}

/** Each category of the export: its key in the JSON and the query that reads it (`$1` = the person). */
export const EXPORT_QUERIES = {
  profile: `
    SELECT p.id, p.employee_number AS "employeeNumber", p.given_name AS "givenName", p.family_name AS "familyName",
           p.email, u.name AS "orgUnit", p.active, p.deactivated_at AS "deactivatedAt", p.locale,
           p.created_at AS "createdAt"
      FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id
     WHERE p.id = $1`,
  roles: `
    SELECT g.role, g.scope_kind AS "scopeKind", u.name AS "scopeOrgUnit", g.scope_theme AS "scopeTheme",
           g.granted_at AS "grantedAt", g.revoked_at AS "revokedAt"
      FROM role_grant g LEFT JOIN org_unit u ON u.id = g.scope_org_unit_id
     WHERE g.person_id = $1 ORDER BY g.granted_at`,
  ideas: `
    SELECT i.id, i.kind, i.title, i.summary, i.body_html AS "bodyHtml", i.status, i.anonymous,
           coalesce(a.role, CASE WHEN i.author_id = $1 THEN 'author' END) AS "yourRole",
           coalesce(a.anonymous, false) AS "yourCreditHidden", coalesce(i.captured_by = $1, false) AS "capturedByYou",
           i.created_at AS "createdAt", i.submitted_at AS "submittedAt", i.published_at AS "publishedAt"
      FROM idea i LEFT JOIN idea_author a ON a.idea_id = i.id AND a.person_id = $1
     WHERE a.person_id IS NOT NULL OR i.author_id = $1 OR i.captured_by = $1
     ORDER BY i.created_at, i.id`,
  comments: `
    SELECT id, idea_id AS "ideaId", parent_id AS "parentId", body_html AS "bodyHtml", created_at AS "createdAt",
           edited_at AS "editedAt"
      FROM idea_comment WHERE author_id = $1 ORDER BY created_at, id`,
  supports: `
    SELECT s.idea_id AS "ideaId", i.title AS "ideaTitle", s.created_at AS "createdAt"
      FROM support s JOIN idea i ON i.id = s.idea_id WHERE s.person_id = $1 ORDER BY s.created_at`,
  follows: `
    SELECT f.idea_id AS "ideaId", i.title AS "ideaTitle", f.created_at AS "createdAt"
      FROM idea_follow f JOIN idea i ON i.id = f.idea_id WHERE f.person_id = $1 ORDER BY f.created_at`,
  scorecards: `
    SELECT id, idea_id AS "ideaId", status, scores, comment, submitted_at AS "submittedAt", updated_at AS "updatedAt"
      FROM scorecard WHERE reviewer_id = $1 ORDER BY created_at, id`,
  privateNotes: `
    SELECT id, idea_id AS "ideaId", body_html AS "bodyHtml", created_at AS "createdAt"
      FROM private_note WHERE author_id = $1 ORDER BY created_at, id`,
  notifications: `
    SELECT id::text, idea_id AS "ideaId", event_type AS "eventType", category, read_at AS "readAt",
           created_at AS "createdAt"
      FROM notification WHERE recipient_id = $1 ORDER BY id`,
  notificationPreferences: `
    SELECT category, frequency, updated_at AS "updatedAt"
      FROM notification_preference WHERE person_id = $1 ORDER BY category`,
  auditEntries: `
    SELECT id::text, occurred_at AS "occurredAt", action, subject_type AS "subjectType", subject_id AS "subjectId",
           coalesce(actor_id = $1, false) AS "byYou",
           CASE WHEN subject_type = 'person' AND subject_id = $1::text THEN data END AS data
      FROM audit_event
     WHERE actor_id = $1 OR (subject_type = 'person' AND subject_id = $1::text)
     ORDER BY id`,
  attachments: `
    SELECT id, idea_id AS "ideaId", file_name AS "fileName", content_type AS "contentType",
           size_bytes AS "sizeBytes", storage_key AS "storageKey", created_at AS "createdAt"
      FROM idea_attachment WHERE uploaded_by = $1 ORDER BY created_at, id`,
} as const;

export interface ExportRows {
  profile: ExportProfileRow;
  roles: ExportRoleRow;
  ideas: ExportIdeaRow;
  comments: ExportCommentRow;
  supports: ExportIdeaRefRow;
  follows: ExportIdeaRefRow;
  scorecards: ExportScorecardRow;
  privateNotes: ExportNoteRow;
  notifications: ExportNotificationRow;
  notificationPreferences: ExportPreferenceRow;
  auditEntries: ExportAuditRow;
  attachments: ExportAttachmentRow;
}
export type ExportCategory = keyof typeof EXPORT_QUERIES;
export const EXPORT_CATEGORIES = Object.keys(EXPORT_QUERIES) as ExportCategory[];

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
