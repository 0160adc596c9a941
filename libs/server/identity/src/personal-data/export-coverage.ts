import type { ExportCategory } from './sql/export-queries.sql';

/** Why a column that refers to a person is not read by the export. */
export interface NotExported {
  omitted: string;
}

const act = (what: string): NotExported => ({
  omitted: `${what}: an act on the organisation's or another person's record, listed among the audit entries where it is audited`,
});
const SETTING = act('who last changed a setting');

/**
 * What "Download my data" does with every column that refers to a person: the export category that
 * reads it, or why it does not. Keyed like ERASURE_PLAN, whose test lists every person reference in
 * the migrated schema; `export-coverage.spec.ts` fails when the two disagree, so a new personal table
 * cannot ship without deciding what the export says of it (docs/personal-data.md).
 */
export const EXPORT_COVERAGE: Readonly<Record<string, ExportCategory | NotExported>> = {
  'person.email': 'profile',
  'local_credential.person_id': { omitted: 'the password hash: a secret, handed to nobody' },
  'external_identity.person_id': 'externalIdentities',
  'user_session.person_id': 'signIns',
  'personal_data_export.person_id': {
    omitted: 'the export requests themselves: each one is among the audit entries',
  },
  'audit_pseudonym.person_id': {
    omitted:
      'the key from an erased person’s pseudonym back to them: a security control; the audit entries are exported',
  },
  'audit_event.actor_id': 'auditEntries',
  'role_grant.person_id': 'roles',
  'role_grant.granted_by': act('a role granted'),
  'role_grant.revoked_by': act('a role revoked'),
  'role_grant_request.person_id': 'roleRequests',
  'role_grant_request.requested_by': act('a role asked for someone'),
  'role_grant_request.decided_by': act('a role request decided'),
  'directory_import.started_by': act('a directory import'),
  'idea.author_id': 'ideas',
  'idea.captured_by': 'ideas',
  'idea_author.person_id': 'ideas',
  'idea_author.invited_by': act('a co-author invited'),
  'idea_comment.author_id': 'comments',
  'idea_comment.mentions': {
    omitted: 'other people’s comments that mention the person: their content (the mention’s notification is exported)',
  },
  'idea_event.actor_id': act('a step in an idea’s history'),
  'idea_attachment.uploaded_by': 'attachments',
  'idea_link.created_by': act('two ideas linked'),
  'idea_follow.person_id': 'follows',
  'support.person_id': 'supports',
  'content_report.reporter_id': 'contentReports',
  'content_report.resolved_by': act('a report resolved'),
  'campaign.sponsor_id': act('a campaign sponsored (a role shown on the campaign)'),
  'campaign.created_by': act('a campaign created'),
  'campaign_announcement.announced_by': act('a campaign announced'),
  'notification.recipient_id': 'notifications',
  'notification_preference.person_id': 'notificationPreferences',
  'notification_delivery.recipient_id': { omitted: 'the delivery log of the notifications exported above' },
  'notification_default.updated_by': SETTING,
  'answer_time_settings.updated_by': SETTING,
  'webhook_subscription.created_by': act('a webhook subscribed'),
  'qualification_assignment.person_id': 'qualificationAssignments',
  'qualification_assignment.assigned_by': act('a reviewer assigned'),
  'network_absence.person_id': 'networkAbsences',
  'network_absence.delegate_id': { omitted: 'another member’s absence, naming the person as their delegate' },
  'private_note.author_id': 'privateNotes',
  'private_note.mentioned_ids': { omitted: 'other members’ notes that mention the person: their content' },
  'scorecard.reviewer_id': 'scorecards',
  'criteria_set.updated_by': SETTING,
  'committee_session.created_by': act('a committee session created'),
  'committee_session_member.person_id': 'committeeSessions',
  'committee_agenda_item.added_by': act('an idea put on an agenda'),
  'committee_agenda_item.decided_by': act('a committee decision'),
  'idea_team_member.person_id': 'ideaTeams',
  'idea_team_invitation.invitee_id': 'teamInvitations',
  'idea_team_invitation.invited_by': act('someone invited to a team'),
  'experiment.created_by': act('an experiment’s protocol, the team’s shared record'),
  'experiment_hypothesis.created_by': act('a hypothesis, the team’s shared record'),
  'log_entry.writer_id': 'logEntries',
  'implementation_project.owner_id': 'projectsOwned',
  'implementation_project.created_by': act('a project created'),
  'milestone.updated_by': act('a milestone updated'),
  'project_update.author_id': 'projectUpdates',
  'budget_line.recorded_by': act('a budget line recorded'),
  'impact_indicator.created_by': act('an impact indicator defined'),
  'impact_measurement.recorded_by': act('a measurement recorded'),
  'impact_measurement.validated_by': act('a measurement validated'),
  'field_review_settings.updated_by': SETTING,
  'field_review.answered_by': 'fieldReviews',
  'replication.requested_by': act('an idea adopted elsewhere'),
  'contribution.person_id': 'contributions',
  'credit_share_override.set_by': act('a credit share set'),
  'recognition_settings.updated_by': SETTING,
  'recognition.person_id': 'recognitions',
  'recognition.recorded_by': act('a recognition recorded for someone'),
  'charter_commitment.set_by': SETTING,
  'charter_input.entered_by': act('a charter figure entered'),
  'annual_report_run.requested_by': act('an annual report asked for'),
  'contribution_claim.person_id': 'contributionClaims',
  'contribution_claim.decided_by': act('a claim decided'),
};
