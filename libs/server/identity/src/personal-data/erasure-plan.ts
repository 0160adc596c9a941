/**
 * What erasing a person does to every column that refers to a person (docs/personal-data.md).
 * One entry per `table.column`; `erasure-plan.int-spec.ts` lists every foreign key to `person` and
 * every column named like a person reference in the migrated schema and fails when one has no entry
 * here, so a new personal table cannot ship without deciding what erasure does to it.
 *
 * The person row itself is kept and emptied: every other row (and the append-only audit log) keeps
 * pointing at its id, which is then a pseudonym that nothing ties back to a name. Steps run in the
 * listed order inside one transaction, after the anonymous-authorship links were detached
 * (`DETACH_*` below), with `$1` = the erased person and `$2` = the admin erasing (null: retention).
 *
 * This file reads and writes tables of every context on purpose (ideas, notifications,
 * qualification…): erasure is cross-cutting, and keeping its SQL in one place keeps it reviewable.
 */
export type ErasureEffect =
  /** Rows of the person are deleted (they only served the person). */
  | 'delete'
  /** Kept: the row records something done in the organisation, now under the pseudonymous id. */
  | 'keep'
  /** Kept, the personal values in it are replaced. */
  | 'scrub'
  /** The reference is set to null (the row belongs to someone else). */
  | 'set_null';

export interface ErasureStep {
  effect: ErasureEffect;
  why: string;
  /** Run for `delete`, `scrub` and `set_null`; `keep` needs none. */
  sql?: string;
}

/** French and English at once: the label is stored in the name fields and shows in every screen, e-mail and PDF. */
export const FORMER_STAFF_GIVEN_NAME = 'Ancien·ne collaborateur·rice';
export const FORMER_STAFF_FAMILY_NAME = '(former staff member)';

/** The values that replace a person's identity; unique per id because e-mail and employee number are. */
const SCRUB_PERSON = `
  UPDATE person SET
    given_name = '${FORMER_STAFF_GIVEN_NAME}',
    family_name = '${FORMER_STAFF_FAMILY_NAME}',
    email = 'erased-' || id || '@erased.invalid',
    employee_number = 'erased-' || id,
    org_unit_id = NULL,
    locale = NULL,
    active = false,
    deactivated_at = coalesce(deactivated_at, now()),
    erased_at = coalesce(erased_at, now())
  WHERE id = $1`;

const keep = (why: string): ErasureStep => ({ effect: 'keep', why });

export const ERASURE_PLAN: Readonly<Record<string, ErasureStep>> = {
  // identity: what lets the person sign in, and who they are
  'local_credential.person_id': {
    effect: 'delete',
    why: 'the password hash: sign-in becomes impossible',
    sql: 'DELETE FROM local_credential WHERE person_id = $1',
  },
  'external_identity.person_id': {
    effect: 'delete',
    why: 'the single sign-on subject: the identity provider can no longer sign this person in',
    sql: 'DELETE FROM external_identity WHERE person_id = $1',
  },
  'user_session.person_id': {
    effect: 'delete',
    why: 'sessions with their address and browser: every session ends',
    sql: 'DELETE FROM user_session WHERE person_id = $1',
  },
  'personal_data_export.person_id': {
    effect: 'delete',
    why: 'their data exports (the archives are removed from the file store after commit)',
    sql: 'DELETE FROM personal_data_export WHERE person_id = $1',
  },
  'role_grant.person_id': {
    effect: 'scrub',
    why: 'open grants are revoked; the grant history stays under the pseudonym',
    sql: 'UPDATE role_grant SET revoked_at = now(), revoked_by = $2 WHERE person_id = $1 AND revoked_at IS NULL',
  },
  'role_grant.granted_by': keep('who granted a role to someone else'),
  'role_grant.revoked_by': keep('who revoked a role'),
  'directory_import.started_by': keep('who started an HR import'),
  'audit_event.actor_id': keep('append-only and chained: the id is the pseudonym, the person row holds no identity'),
  'audit_pseudonym.person_id': {
    effect: 'delete',
    why: 'the only link from an anonymous author to their acts on the idea: their audit entries keep a pseudonym nobody can resolve',
    sql: 'DELETE FROM audit_pseudonym WHERE person_id = $1',
  },
  'role_grant_request.person_id': {
    effect: 'scrub',
    why: 'a pending request to grant them the guardian role is declined; decided requests stay as history',
    sql: "UPDATE role_grant_request SET status = 'rejected', decided_by = $2, decided_at = now() WHERE person_id = $1 AND status = 'pending'",
  },
  'role_grant_request.requested_by': keep('who asked for a guardian grant'),
  'role_grant_request.decided_by': keep('who approved or declined a guardian grant'),
  // ideas: credit is kept under "former staff member"
  'idea.author_id': keep('named ideas stay, under "former staff member" (anonymous ones were detached first)'),
  'idea.captured_by': keep('who captured an idea on behalf of someone (anonymous ones were detached first)'),
  'idea_author.person_id': {
    effect: 'delete',
    why: 'open co-author invitations lapse; accepted credit stays under "former staff member"',
    sql: "DELETE FROM idea_author WHERE person_id = $1 AND status = 'invited'",
  },
  'idea_author.invited_by': keep('who invited a co-author'),
  'idea_comment.author_id': keep('comments stay, under "former staff member"'),
  'idea_comment.mentions': keep('a mention now shows "former staff member"'),
  'idea_event.actor_id': keep('the public timeline of ideas'),
  'idea_attachment.uploaded_by': keep('attachments belong to their idea'),
  'idea_link.created_by': keep('who linked two ideas'),
  'idea_follow.person_id': {
    effect: 'delete',
    why: 'following only served their notifications',
    sql: 'DELETE FROM idea_follow WHERE person_id = $1',
  },
  'support.person_id': keep('support counts stay true'),
  'content_report.reporter_id': keep('moderation history'),
  'content_report.resolved_by': keep('moderation history'),
  'campaign.sponsor_id': keep('the campaign shows "former staff member" as sponsor'),
  'campaign.created_by': keep('campaign history'),
  'campaign_announcement.announced_by': keep('announcement history'),
  // notifications: personal, nothing else needs them
  'notification.recipient_id': {
    effect: 'delete',
    why: 'their notification centre',
    sql: 'DELETE FROM notification WHERE recipient_id = $1',
  },
  'notification_preference.person_id': {
    effect: 'delete',
    why: 'their notification settings',
    sql: 'DELETE FROM notification_preference WHERE person_id = $1',
  },
  'notification_delivery.recipient_id': {
    effect: 'delete',
    why: 'records of e-mails sent to them (a pending one is then never sent)',
    sql: 'DELETE FROM notification_delivery WHERE recipient_id = $1',
  },
  'notification_default.updated_by': keep('who changed the organisation defaults'),
  'answer_time_settings.updated_by': keep('who changed the settings'),
  'webhook_subscription.created_by': keep('who registered a webhook'),
  // qualification and committee: the work done stays, under the pseudonym
  'qualification_assignment.person_id': keep('review history'),
  'qualification_assignment.assigned_by': keep('review history'),
  'network_absence.person_id': {
    effect: 'delete',
    why: 'their absences',
    sql: 'DELETE FROM network_absence WHERE person_id = $1',
  },
  'network_absence.delegate_id': {
    effect: 'set_null',
    why: "someone else's absence no longer delegates to them",
    sql: 'UPDATE network_absence SET delegate_id = NULL WHERE delegate_id = $1',
  },
  'private_note.author_id': keep('notes are shared with the network and committee in scope'),
  'private_note.mentioned_ids': keep('a mention now shows "former staff member"'),
  'scorecard.reviewer_id': keep('consolidated scores stay true'),
  'criteria_set.updated_by': keep('who changed a criteria set'),
  'committee_session.created_by': keep('committee history'),
  'committee_session_member.person_id': keep('who sat on a session'),
  'committee_agenda_item.added_by': keep('committee history'),
  'committee_agenda_item.decided_by': keep('committee history'),
  // realisation (issue 13): the work stays credited under "former staff member"
  'idea_team_member.person_id': keep('who was on the idea team'),
  'idea_team_invitation.invitee_id': {
    effect: 'scrub',
    why: 'a pending invitation is withdrawn; answered ones stay as history',
    sql: "UPDATE idea_team_invitation SET status = 'withdrawn', answered_at = now() WHERE invitee_id = $1 AND status = 'pending'",
  },
  'idea_team_invitation.invited_by': keep('who invited someone to the team'),
  'experiment.created_by': keep('experiment history'),
  'experiment_hypothesis.created_by': keep('hypothesis history'),
  'log_entry.writer_id': keep('the log book is append-only'),
  'implementation_project.owner_id': keep('the project keeps its owner until the network names another'),
  'implementation_project.created_by': keep('project history'),
  'milestone.updated_by': keep('who last changed a milestone'),
  'project_update.author_id': keep('the project timeline'),
  'budget_line.recorded_by': keep('budget history'),
  'impact_indicator.created_by': keep('impact history'),
  'impact_measurement.recorded_by': keep('impact history'),
  'impact_measurement.validated_by': keep('who validated a measurement'),
  'field_review_settings.updated_by': keep('who changed the return-to-field schedule'),
  'field_review.answered_by': keep('the return-to-field answers stay on the timeline'),
  'replication.requested_by': keep('who asked to adopt the idea'),
  // recognition (issue 14): contributions stay counted; what was said to or about the person goes
  'contribution.person_id': keep(
    'contributions stay counted under "former staff member" (anonymous ones were detached first)',
  ),
  'credit_share_override.set_by': keep("who changed an idea's credit shares"),
  'recognition_settings.updated_by': keep('who changed the milestones that open recognition'),
  'recognition.person_id': {
    effect: 'scrub',
    why: 'open "recognition due" items are dropped; recorded ones stay counted, private, their message and reason replaced by a dash (no language), no certificate (the certificate files are removed from the file store after commit)',
    sql: `WITH dropped AS (DELETE FROM recognition WHERE person_id = $1 AND status = 'due')
          UPDATE recognition SET
            message = CASE WHEN status = 'recorded' THEN '—' END,
            dismiss_reason = CASE WHEN status = 'dismissed' THEN '—' END,
            is_public = false, certificate_key = NULL, certificate_locale = NULL
          WHERE person_id = $1 AND status <> 'due'`,
  },
  'recognition.recorded_by': keep('who recognised someone'),
  'charter_commitment.set_by': keep('who changed the charter'),
  'charter_input.entered_by': keep("who entered HR's yearly figures"),
  'annual_report_run.requested_by': keep('who asked for an annual report'),
  'contribution_claim.person_id': {
    effect: 'delete',
    why: "the person's claims to be named on their anonymous contributions: nobody is named any more",
    sql: 'DELETE FROM contribution_claim WHERE person_id = $1',
  },
  'contribution_claim.decided_by': keep('which guardian decided a claim'),
  // last: the person row itself
  'person.email': {
    effect: 'scrub',
    why: 'names, e-mail, employee number, unit and language removed',
    sql: SCRUB_PERSON,
  },
};

/**
 * Anonymous authorship is not kept under the pseudonym: a pseudonymous id linked to an anonymous idea,
 * plus the audit log's older entries about that id, could tie the idea back to the person. Each
 * anonymous idea the person authored, co-authored or captured (and each named idea they were credited
 * on anonymously after a merge) is handed, with every trace of the person on it, to ONE shared
 * placeholder, "former staff member", common to every erasure: no person row is created per erasure
 * (its time or count would point at the erased person's ideas), and the ideas of one erased person
 * cannot be told from those of another.
 */
export const ANONYMOUS_PLACEHOLDER_ID = '00000000-0000-4000-8000-0000000e4a5e';

export const ANONYMOUS_IDEAS_OF = `
  SELECT i.id
    FROM idea i
    LEFT JOIN idea_author a ON a.idea_id = i.id AND a.person_id = $1
   WHERE (i.anonymous AND (i.author_id = $1 OR i.captured_by = $1 OR a.person_id IS NOT NULL))
      OR a.anonymous
   ORDER BY i.id`;

/** Created on the first erasure that needs it; dated at the epoch so it tells nothing. */
export const ENSURE_PLACEHOLDER = `
  INSERT INTO person (id, employee_number, given_name, family_name, email, active, deactivated_at, erased_at,
                      created_at, updated_at)
  VALUES ('${ANONYMOUS_PLACEHOLDER_ID}', 'erased-${ANONYMOUS_PLACEHOLDER_ID}', '${FORMER_STAFF_GIVEN_NAME}',
          '${FORMER_STAFF_FAMILY_NAME}', 'erased-${ANONYMOUS_PLACEHOLDER_ID}@erased.invalid', false,
          'epoch', 'epoch', 'epoch', 'epoch')
  ON CONFLICT (id) DO NOTHING`;

/**
 * `$1` the erased person, `$2` the idea, `$3` the placeholder. Rows keyed by (idea, person) are moved
 * unless the placeholder already has one on that idea (another erased co-author), then dropped.
 */
export const DETACH_FROM_ANONYMOUS_IDEA: readonly string[] = [
  'UPDATE idea SET author_id = $3 WHERE id = $2 AND author_id = $1',
  'UPDATE idea SET captured_by = $3 WHERE id = $2 AND captured_by = $1',
  `DELETE FROM idea_author a WHERE a.idea_id = $2 AND a.person_id = $1
      AND EXISTS (SELECT 1 FROM idea_author b WHERE b.idea_id = $2 AND b.person_id = $3)`,
  'UPDATE idea_author SET person_id = $3 WHERE idea_id = $2 AND person_id = $1',
  `DELETE FROM support s WHERE s.idea_id = $2 AND s.person_id = $1
      AND EXISTS (SELECT 1 FROM support t WHERE t.idea_id = $2 AND t.person_id = $3)`,
  'UPDATE support SET person_id = $3 WHERE idea_id = $2 AND person_id = $1',
  'UPDATE idea_comment SET author_id = $3 WHERE idea_id = $2 AND author_id = $1',
  'UPDATE idea_attachment SET uploaded_by = $3 WHERE idea_id = $2 AND uploaded_by = $1',
  'UPDATE idea_event SET actor_id = $3 WHERE idea_id = $2 AND actor_id = $1',
  'UPDATE idea_link SET created_by = $3 WHERE (from_id = $2 OR to_id = $2) AND created_by = $1',
  // The ledger's key is computed from (event, kind, person): drop the entries the placeholder already has.
  `DELETE FROM contribution c WHERE c.idea_id = $2 AND c.person_id = $1
      AND EXISTS (SELECT 1 FROM contribution d WHERE d.event_id = c.event_id AND d.kind = c.kind AND d.person_id = $3)`,
  'UPDATE contribution SET person_id = $3 WHERE idea_id = $2 AND person_id = $1',
  // A recognition is personal (its message, its certificate): it is not handed to the placeholder.
  'DELETE FROM recognition WHERE idea_id = $2 AND person_id = $1 AND person_id <> $3',
];
