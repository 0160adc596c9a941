/**
 * What a personal-data export reads, per category: the SQL (`$1` = the person) and its named row
 * type. Read by PersonalDataExportBuilder through readExportCategory (personal-data.repository.ts).
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
