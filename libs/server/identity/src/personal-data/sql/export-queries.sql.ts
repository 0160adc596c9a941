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

export interface ExportSignInRow {
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  ip: string | null;
  userAgent: string | null;
}
export interface ExportExternalIdentityRow {
  issuer: string;
  subject: string;
  linkedAt: Date;
  lastLoginAt: Date | null;
}
export interface ExportContentReportRow {
  id: string;
  targetType: string;
  targetId: string;
  reason: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
}
export interface ExportRoleRequestRow {
  id: string;
  role: string;
  requestedAt: Date;
  status: string;
  decidedAt: Date | null;
}
export interface ExportAssignmentRow {
  id: string;
  ideaId: string;
  assignedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}
export interface ExportAbsenceRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  delegateId: string | null;
  createdAt: Date;
}
export interface ExportCommitteeSessionRow {
  id: string;
  title: string;
  scheduledAt: Date;
  chair: boolean;
  present: boolean;
}
export interface ExportTeamRow {
  ideaId: string;
  role: string;
  isAuthor: boolean;
  joinedAt: Date;
}
export interface ExportTeamInvitationRow {
  id: string;
  ideaId: string;
  status: string;
  createdAt: Date;
  answeredAt: Date | null;
}
export interface ExportLogEntryRow {
  id: string;
  ideaId: string;
  bodyHtml: string;
  occurredOn: string;
  createdAt: Date;
  editedAt: Date | null;
}
export interface ExportProjectRow {
  id: string;
  ideaId: string;
  startsOn: string;
  goLiveAt: Date | null;
  completedAt: Date | null;
}
export interface ExportProjectUpdateRow {
  id: string;
  ideaId: string;
  bodyHtml: string;
  createdAt: Date;
}
export interface ExportFieldReviewRow {
  id: string;
  ideaId: string;
  monthsAfterGoLive: number;
  answeredAt: Date;
  whatHappened: string;
  unexpected: string;
  whoUsesIt: string;
}
export interface ExportContributionRow {
  id: string;
  ideaId: string;
  kind: string;
  anonymous: boolean;
  occurredAt: Date;
  claimedAt: Date | null;
}
export interface ExportClaimRow {
  id: string;
  ideaId: string;
  status: string;
  requestedAt: Date;
  decidedAt: Date | null;
  reason: string | null;
}
export interface ExportRecognitionRow {
  id: string;
  ideaId: string;
  milestone: string;
  status: string;
  form: string | null;
  message: string | null;
  anonymous: boolean;
  isPublic: boolean;
  openedAt: Date;
  recordedAt: Date | null;
  dismissReason: string | null;
}

/** Each category of the export: its key in the JSON and the query that reads it (`$1` = the person). */
export const EXPORT_QUERIES = {
  profile: `
    SELECT p.id, p.employee_number AS "employeeNumber", p.given_name AS "givenName", p.family_name AS "familyName",
           p.email, u.name AS "orgUnit", p.active, p.deactivated_at AS "deactivatedAt", p.locale,
           p.created_at AS "createdAt"
      FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id
     WHERE p.id = $1`,
  signIns: `
    SELECT method, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt",
           ended_at AS "endedAt", end_reason AS "endReason", ip, user_agent AS "userAgent"
      FROM user_session WHERE person_id = $1 ORDER BY created_at`,
  externalIdentities: `
    SELECT issuer, subject, linked_at AS "linkedAt", last_login_at AS "lastLoginAt"
      FROM external_identity WHERE person_id = $1 ORDER BY linked_at`,
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
  contentReports: `
    SELECT id, target_type AS "targetType", target_id AS "targetId", reason, created_at AS "createdAt",
           resolved_at AS "resolvedAt", resolution
      FROM content_report WHERE reporter_id = $1 ORDER BY created_at, id`,
  roleRequests: `
    SELECT id, role, requested_at AS "requestedAt", status, decided_at AS "decidedAt"
      FROM role_grant_request WHERE person_id = $1 ORDER BY requested_at, id`,
  qualificationAssignments: `
    SELECT id, idea_id AS "ideaId", assigned_at AS "assignedAt", ended_at AS "endedAt", end_reason AS "endReason"
      FROM qualification_assignment WHERE person_id = $1 ORDER BY assigned_at, id`,
  networkAbsences: `
    SELECT id, starts_at AS "startsAt", ends_at AS "endsAt", delegate_id AS "delegateId", created_at AS "createdAt"
      FROM network_absence WHERE person_id = $1 ORDER BY starts_at, id`,
  committeeSessions: `
    SELECT s.id, s.title, s.scheduled_at AS "scheduledAt", m.chair, m.present
      FROM committee_session_member m JOIN committee_session s ON s.id = m.session_id
     WHERE m.person_id = $1 ORDER BY s.scheduled_at, s.id`,
  ideaTeams: `
    SELECT idea_id AS "ideaId", role, is_author AS "isAuthor", joined_at AS "joinedAt"
      FROM idea_team_member WHERE person_id = $1 ORDER BY joined_at, idea_id`,
  teamInvitations: `
    SELECT id, idea_id AS "ideaId", status, created_at AS "createdAt", answered_at AS "answeredAt"
      FROM idea_team_invitation WHERE invitee_id = $1 ORDER BY created_at, id`,
  logEntries: `
    SELECT l.id, e.idea_id AS "ideaId", l.body_html AS "bodyHtml", l.occurred_on::text AS "occurredOn",
           l.created_at AS "createdAt", l.edited_at AS "editedAt"
      FROM log_entry l JOIN experiment e ON e.id = l.experiment_id
     WHERE l.writer_id = $1 ORDER BY l.created_at, l.id`,
  projectsOwned: `
    SELECT id, idea_id AS "ideaId", starts_on::text AS "startsOn", go_live_at AS "goLiveAt",
           completed_at AS "completedAt"
      FROM implementation_project WHERE owner_id = $1 ORDER BY created_at, id`,
  projectUpdates: `
    SELECT u.id, p.idea_id AS "ideaId", u.body_html AS "bodyHtml", u.created_at AS "createdAt"
      FROM project_update u JOIN implementation_project p ON p.id = u.project_id
     WHERE u.author_id = $1 ORDER BY u.created_at, u.id`,
  fieldReviews: `
    SELECT r.id, p.idea_id AS "ideaId", r.months_after_go_live AS "monthsAfterGoLive", r.answered_at AS "answeredAt",
           r.what_happened AS "whatHappened", r.unexpected, r.who_uses_it AS "whoUsesIt"
      FROM field_review r JOIN implementation_project p ON p.id = r.project_id
     WHERE r.answered_by = $1 ORDER BY r.answered_at, r.id`,
  contributions: `
    SELECT id::text, idea_id AS "ideaId", kind, anonymous, occurred_at AS "occurredAt", claimed_at AS "claimedAt"
      FROM contribution WHERE person_id = $1 ORDER BY occurred_at, id`,
  contributionClaims: `
    SELECT id, idea_id AS "ideaId", status, requested_at AS "requestedAt", decided_at AS "decidedAt", reason
      FROM contribution_claim WHERE person_id = $1 ORDER BY requested_at, id`,
  recognitions: `
    SELECT id, idea_id AS "ideaId", milestone, status, form, message, anonymous, is_public AS "isPublic",
           opened_at AS "openedAt", recorded_at AS "recordedAt", dismiss_reason AS "dismissReason"
      FROM recognition WHERE person_id = $1 ORDER BY opened_at, id`,
} as const;

export interface ExportRows {
  profile: ExportProfileRow;
  signIns: ExportSignInRow;
  externalIdentities: ExportExternalIdentityRow;
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
  contentReports: ExportContentReportRow;
  roleRequests: ExportRoleRequestRow;
  qualificationAssignments: ExportAssignmentRow;
  networkAbsences: ExportAbsenceRow;
  committeeSessions: ExportCommitteeSessionRow;
  ideaTeams: ExportTeamRow;
  teamInvitations: ExportTeamInvitationRow;
  logEntries: ExportLogEntryRow;
  projectsOwned: ExportProjectRow;
  projectUpdates: ExportProjectUpdateRow;
  fieldReviews: ExportFieldReviewRow;
  contributions: ExportContributionRow;
  contributionClaims: ExportClaimRow;
  recognitions: ExportRecognitionRow;
}
export type ExportCategory = keyof typeof EXPORT_QUERIES;
export const EXPORT_CATEGORIES = Object.keys(EXPORT_QUERIES) as ExportCategory[];
