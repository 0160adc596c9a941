import { ROLES, type RoleAssignment } from './roles';
import { can, decide, scopeCovers, type Action, type Actor } from './policy';

const org = { kind: 'organisation' } as const;
const actor = (assignments: RoleAssignment[] = [], personId = 'p1'): Actor => ({
  personId,
  orgUnitId: 'u-a1',
  assignments,
});
const unitA = { orgUnitPath: ['root', 'dir-a', 'u-a1'] };
const unitB = { orgUnitPath: ['root', 'dir-b', 'u-b1'] };

describe('permission policy', () => {
  it('lets the idea’s authors adopt a visible comment someone else wrote', () => {
    const visible = { byActor: false, byIdeaAuthor: false, hidden: false };
    const author = actor();
    // Route level: any signed-in person reaches the handler, which asks again with the idea.
    expect(can(author, 'comment.adopt')).toBe(true);
    expect(decide(null, 'comment.adopt')).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(can(author, 'comment.adopt', { target: unitA, isAuthor: true, comment: visible })).toBe(true);
    // Not an author: no role makes up for it, not even the network in scope.
    const network = actor([{ role: 'network_member', scope: org }]);
    expect(decide(network, 'comment.adopt', { target: unitA, comment: visible })).toEqual({
      allowed: false,
      reason: 'not_author',
    });
    expect(decide(author, 'comment.adopt', { target: unitA, isAuthor: false, comment: visible })).toEqual({
      allowed: false,
      reason: 'not_author',
    });
    // Not one's own words, nor a fellow author's: the mark credits someone who helped the authors.
    expect(
      decide(author, 'comment.adopt', { target: unitA, isAuthor: true, comment: { ...visible, byActor: true } }),
    ).toEqual({ allowed: false, reason: 'own_comment' });
    expect(
      decide(author, 'comment.adopt', { target: unitA, isAuthor: true, comment: { ...visible, byIdeaAuthor: true } }),
    ).toEqual({ allowed: false, reason: 'author_comment' });
    // A comment hidden by moderation is not adopted.
    expect(
      decide(author, 'comment.adopt', { target: unitA, isAuthor: true, comment: { ...visible, hidden: true } }),
    ).toEqual({ allowed: false, reason: 'comment_hidden' });
  });

  it('refuses everything but health to a signed-out visitor', () => {
    expect(can(null, 'platform.health')).toBe(true);
    expect(decide(null, 'session.read')).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(can(null, 'directory.search')).toBe(false);
  });

  it('lets every employee read their session and profile and search the directory', () => {
    const employee = actor();
    for (const action of [
      'session.read',
      'profile.read_own',
      'profile.update_own',
      'directory.search',
      'org_unit.read',
    ] as Action[]) {
      expect(can(employee, action)).toBe(true);
    }
  });

  it('keeps directory import and headcounts to HR and admins', () => {
    expect(decide(actor(), 'directory.import')).toEqual({ allowed: false, reason: 'role_required' });
    expect(can(actor([{ role: 'hr', scope: org }]), 'directory.import')).toBe(true);
    expect(can(actor([{ role: 'admin', scope: org }]), 'headcount.read')).toBe(true);
    expect(can(actor([{ role: 'network_member', scope: org }]), 'headcount.read')).toBe(false);
  });

  it('scopes a network member to their unit subtree', () => {
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    expect(can(scoped, 'org_unit.read_members', { target: unitA })).toBe(true);
    expect(decide(scoped, 'org_unit.read_members', { target: unitB })).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(decide(actor(), 'org_unit.read_members', { target: unitA })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
  });

  it('matches theme scopes only on the same theme', () => {
    const scope = { kind: 'theme', theme: 'mobility' } as const;
    expect(scopeCovers(scope, { orgUnitPath: [], themes: ['mobility'] })).toBe(true);
    expect(scopeCovers(scope, { orgUnitPath: [], themes: ['energy'] })).toBe(false);
    expect(scopeCovers(scope)).toBe(false);
    expect(scopeCovers(org)).toBe(true);
  });

  it('reserves role management and the audit log to admins, who cannot lock themselves out', () => {
    const admin = actor([{ role: 'admin', scope: org }], 'admin-1');
    expect(can(admin, 'role.grant')).toBe(true);
    expect(can(admin, 'audit.read')).toBe(true);
    expect(can(actor([{ role: 'hr', scope: org }]), 'role.grant')).toBe(false);
    expect(decide(admin, 'person.deactivate', { subjectPersonId: 'admin-1' })).toEqual({
      allowed: false,
      reason: 'not_on_yourself',
    });
    expect(can(admin, 'person.deactivate', { subjectPersonId: 'someone-else' })).toBe(true);
    expect(decide(admin, 'role.revoke', { subjectPersonId: 'admin-1', grantRole: 'admin' }).reason).toBe(
      'not_on_yourself',
    );
    expect(can(admin, 'role.revoke', { subjectPersonId: 'admin-1', grantRole: 'network_member' })).toBe(true);
  });

  it('lets anyone export their own data and only another admin erase a person', () => {
    const admin = actor([{ role: 'admin', scope: org }], 'admin-1');
    const hr = actor([{ role: 'hr', scope: org }]);
    expect(can(hr, 'personal_data.export_own')).toBe(true);
    expect(can(null, 'personal_data.export_own')).toBe(false);
    expect(decide(hr, 'person.erase', { subjectPersonId: 'someone-else' }).reason).toBe('role_required');
    expect(decide(admin, 'person.erase', { subjectPersonId: 'admin-1' }).reason).toBe('not_on_yourself');
    expect(can(admin, 'person.erase', { subjectPersonId: 'someone-else' })).toBe(true);
  });

  it('lets a waiting grant be approved only by an admin who neither asked for it nor receives it', () => {
    const admin = actor([{ role: 'admin', scope: org }], 'admin-1');
    expect(decide(admin, 'role.approve', { subjectPersonId: 'p-1', requestedBy: 'admin-1' }).reason).toBe(
      'second_admin_required',
    );
    expect(decide(admin, 'role.approve', { subjectPersonId: 'admin-1', requestedBy: 'admin-2' }).reason).toBe(
      'second_admin_required',
    );
    expect(can(admin, 'role.approve', { subjectPersonId: 'p-1', requestedBy: 'admin-2' })).toBe(true);
    expect(decide(actor([{ role: 'hr', scope: org }]), 'role.approve', { requestedBy: 'admin-2' }).reason).toBe(
      'role_required',
    );
  });

  it('opens the portfolio board to the network and the committee, within their scope', () => {
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const committee = actor([{ role: 'committee_member', scope: org }]);
    expect(can(scoped, 'portfolio.read')).toBe(true);
    expect(can(committee, 'portfolio.read')).toBe(true);
    expect(can(scoped, 'portfolio.read', { target: unitA })).toBe(true);
    expect(decide(scoped, 'portfolio.read', { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
    for (const role of ['hr', 'admin', 'anonymity_guardian'] as const) {
      expect(decide(actor([{ role, scope: org }]), 'portfolio.read')).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
    expect(decide(actor(), 'portfolio.read')).toEqual({ allowed: false, reason: 'role_required' });
  });

  it('keeps committee sessions and decisions to committee members, a scoped one within their unit', () => {
    const scoped = actor([{ role: 'committee_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const committee = actor([{ role: 'committee_member', scope: org }]);
    for (const action of ['committee.read', 'committee.manage', 'committee.decide'] as Action[]) {
      expect(can(committee, action)).toBe(true);
      expect(can(committee, action, { target: unitB })).toBe(true);
      expect(can(scoped, action)).toBe(true);
      expect(can(scoped, action, { target: unitA })).toBe(true);
      expect(decide(scoped, action, { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
      expect(decide(actor(), action)).toEqual({ allowed: false, reason: 'role_required' });
      expect(decide(actor([{ role: 'network_member', scope: org }]), action)).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
  });

  it('knows the seven roles', () => {
    expect(ROLES).toEqual([
      'employee',
      'network_member',
      'network_lead',
      'committee_member',
      'hr',
      'admin',
      'anonymity_guardian',
    ]);
  });

  it('shows the late list to network members and leads (any scope), the answer-time settings to admins', () => {
    const scopedLead = actor([{ role: 'network_lead', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    expect(can(scopedLead, 'deadline.read_late')).toBe(true);
    expect(can(actor([{ role: 'network_member', scope: org }]), 'deadline.read_late')).toBe(true);
    for (const role of ['committee_member', 'hr', 'admin'] as const) {
      expect(decide(actor([{ role, scope: org }]), 'deadline.read_late')).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
    expect(can(actor([{ role: 'admin', scope: org }]), 'deadline.settings')).toBe(true);
    expect(decide(scopedLead, 'deadline.settings')).toEqual({ allowed: false, reason: 'role_required' });
  });

  it('lets only the assigned network members in scope score an idea; network and committee in scope read scorecards', () => {
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const committee = actor([{ role: 'committee_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    expect(decide(actor(), 'qualification.score', { target: unitA, isAssignee: true })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(decide(scoped, 'qualification.score', { target: unitA, isAssignee: false })).toEqual({
      allowed: false,
      reason: 'not_assigned',
    });
    expect(decide(scoped, 'qualification.score', { target: unitA })).toEqual({
      allowed: false,
      reason: 'not_assigned',
    });
    expect(decide(scoped, 'qualification.score', { target: unitB, isAssignee: true })).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(can(scoped, 'qualification.score', { target: unitA, isAssignee: true })).toBe(true);
    expect(decide(scoped, 'qualification.score', { target: unitA, isAssignee: true, isAuthor: true }).reason).toBe(
      'is_author',
    );
    expect(decide(scoped, 'qualification.read_scores', { target: unitA, isAuthor: true }).reason).toBe('is_author');
    expect(decide(committee, 'qualification.score', { target: unitA, isAssignee: true }).reason).toBe('role_required');
    // Route level: the role is enough to reach the handler.
    expect(can(scoped, 'qualification.score')).toBe(true);

    expect(decide(actor(), 'qualification.read_scores', { target: unitA })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(can(scoped, 'qualification.read_scores', { target: unitA })).toBe(true);
    expect(can(committee, 'qualification.read_scores', { target: unitA })).toBe(true);
    expect(decide(scoped, 'qualification.read_scores', { target: unitB })).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(can(actor([{ role: 'admin', scope: org }]), 'qualification.read_scores', { target: unitA })).toBe(false);
  });

  it('keeps the default criteria set to admins and organisation-wide network members, campaign sets to campaign managers', () => {
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const lead = actor([{ role: 'network_member', scope: org }]);
    const admin = actor([{ role: 'admin', scope: org }]);
    const committee = actor([{ role: 'committee_member', scope: org }]);
    expect(can(admin, 'criteria.manage', { organisationDefault: true })).toBe(true);
    expect(can(lead, 'criteria.manage', { organisationDefault: true })).toBe(true);
    const networkLead = actor([{ role: 'network_lead', scope: org }]);
    expect(can(networkLead, 'criteria.manage', { organisationDefault: true })).toBe(true);
    expect(can(networkLead, 'criteria.read')).toBe(true);
    expect(can(networkLead, 'qualification.read_scores', { target: unitB })).toBe(true);
    expect(decide(networkLead, 'qualification.score', { target: unitB, isAssignee: true }).reason).toBe(
      'role_required',
    );
    expect(decide(scoped, 'criteria.manage', { organisationDefault: true })).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(decide(committee, 'criteria.manage', { organisationDefault: true })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(can(scoped, 'criteria.manage', { target: unitA })).toBe(true);
    expect(decide(scoped, 'criteria.manage', { target: unitB }).reason).toBe('out_of_scope');
    expect(decide(actor(), 'criteria.read')).toEqual({ allowed: false, reason: 'role_required' });
    expect(can(committee, 'criteria.read')).toBe(true);
    expect(can(scoped, 'criteria.read')).toBe(true);
  });
  it('lets network members in scope assign reviewers and read queues; private notes to network and committee in scope but not authors', () => {
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const committee = actor([{ role: 'committee_member', scope: org }]);
    for (const action of ['qualification.assign', 'qualification.read_queue', 'network.absence_own'] as Action[]) {
      expect(can(scoped, action)).toBe(true);
      expect(can(scoped, action, { target: unitA })).toBe(true);
      expect(decide(scoped, action, { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
      expect(decide(actor(), action)).toEqual({ allowed: false, reason: 'role_required' });
      expect(can(committee, action)).toBe(false);
    }
    for (const action of ['private_note.read', 'private_note.write'] as Action[]) {
      expect(can(scoped, action, { target: unitA })).toBe(true);
      expect(can(committee, action, { target: unitB })).toBe(true);
      expect(decide(scoped, action, { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
      expect(decide(scoped, action, { target: unitA, isAuthor: true })).toEqual({
        allowed: false,
        reason: 'is_author',
      });
      expect(decide(actor(), action)).toEqual({ allowed: false, reason: 'role_required' });
      expect(decide(actor([{ role: 'hr', scope: org }]), action, { target: unitA })).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
  });

  it('after the decision: the team writes, the lead invites and records outcomes, the network in scope coaches and validates', () => {
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const employee = actor();
    // Route level: anyone reaches the handler, which asks again with the idea's facts.
    for (const action of [
      'team.invite',
      'experiment.write',
      'experiment.record_outcome',
      'project.manage',
      'impact.record',
      'field_review.answer',
    ] as Action[]) {
      expect(can(employee, action)).toBe(true);
    }
    expect(can(employee, 'experiment.write', { target: unitA, isTeamMember: true })).toBe(true);
    expect(decide(employee, 'experiment.write', { target: unitA })).toEqual({
      allowed: false,
      reason: 'not_idea_team',
    });
    expect(can(scoped, 'experiment.write', { target: unitA })).toBe(true);
    expect(decide(scoped, 'experiment.write', { target: unitB })).toEqual({ allowed: false, reason: 'not_idea_team' });
    // An author takes their place in the team back; nobody else joins without an invitation.
    expect(can(employee, 'team.join_as_author')).toBe(true);
    expect(can(employee, 'team.join_as_author', { target: unitA, isAuthor: true })).toBe(true);
    expect(decide(scoped, 'team.join_as_author', { target: unitA })).toEqual({ allowed: false, reason: 'not_author' });
    // Members write; only the lead invites and records the outcome.
    expect(decide(employee, 'team.invite', { target: unitA, isTeamMember: true })).toEqual({
      allowed: false,
      reason: 'not_idea_team',
    });
    expect(can(employee, 'team.invite', { target: unitA, isTeamMember: true, isTeamLead: true })).toBe(true);
    expect(can(employee, 'experiment.record_outcome', { target: unitA, isTeamLead: true })).toBe(true);
    // The network coaching the idea records an outcome too (a stop included); a member does not.
    expect(can(scoped, 'experiment.record_outcome', { target: unitA })).toBe(true);
    expect(decide(scoped, 'experiment.record_outcome', { target: unitB })).toEqual({
      allowed: false,
      reason: 'not_idea_team',
    });
    expect(decide(employee, 'experiment.record_outcome', { target: unitA, isTeamMember: true })).toEqual({
      allowed: false,
      reason: 'not_idea_team',
    });
    // The owner runs the project; the owner and the authors answer the return to the field.
    expect(can(employee, 'project.manage', { target: unitA, isProjectOwner: true })).toBe(true);
    expect(can(employee, 'field_review.answer', { target: unitA, isAuthor: true })).toBe(true);
    expect(decide(employee, 'field_review.answer', { target: unitA, isTeamMember: true })).toEqual({
      allowed: false,
      reason: 'not_implementation_owner',
    });
    // Changing the lead, validating a measurement, deciding a replication: the network in scope only.
    for (const action of [
      'team.change_lead',
      'impact.validate',
      'replication.decide',
      'replication.request',
    ] as Action[]) {
      expect(can(scoped, action, { target: unitA })).toBe(true);
      expect(decide(scoped, action, { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
      expect(decide(employee, action, { target: unitA, isTeamLead: true, isProjectOwner: true })).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
    expect(can(actor([{ role: 'committee_member', scope: org }]), 'project.assign_owner', { target: unitB })).toBe(
      true,
    );
    expect(decide(employee, 'project.assign_owner', { target: unitA })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(can(actor([{ role: 'hr', scope: org }]), 'impact.read_rollups')).toBe(true);
    expect(decide(employee, 'impact.read_rollups')).toEqual({ allowed: false, reason: 'role_required' });
    expect(can(actor([{ role: 'admin', scope: org }]), 'field_review.settings')).toBe(true);
    expect(decide(scoped, 'field_review.settings')).toEqual({ allowed: false, reason: 'role_required' });
  });

  it('lets everyone read their own contributions and the credit of ideas they may read; the network in scope changes it', () => {
    const employee = actor();
    const scoped = actor([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    expect(can(employee, 'contribution.read_own')).toBe(true);
    expect(can(employee, 'credit.read', { target: unitB })).toBe(true);
    expect(can(scoped, 'credit.manage', { target: unitA })).toBe(true);
    expect(decide(scoped, 'credit.manage', { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
    expect(decide(employee, 'credit.manage', { target: unitA, isAuthor: true })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(decide(actor([{ role: 'hr', scope: org }]), 'credit.manage')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
  });

  it('lets anyone claim their own anonymous contributions; only the anonymity guardian decides a claim', () => {
    const guardian = actor([{ role: 'anonymity_guardian', scope: org }]);
    expect(can(actor(), 'contribution.claim')).toBe(true);
    expect(can(guardian, 'contribution.decide_claim')).toBe(true);
    for (const role of ['admin', 'hr', 'network_lead', 'network_member'] as const) {
      expect(decide(actor([{ role, scope: org }]), 'contribution.decide_claim')).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
    expect(decide(actor(), 'contribution.decide_claim')).toEqual({ allowed: false, reason: 'role_required' });
  });

  it('lets HR and admins read the annual figures of any scope, a network lead only within theirs', () => {
    const whole = { orgUnitPath: [] };
    const lead = actor([{ role: 'network_lead', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    expect(can(actor([{ role: 'hr', scope: org }]), 'annual_report.read', { target: whole })).toBe(true);
    expect(can(actor([{ role: 'admin', scope: org }]), 'annual_report.read', { target: unitB })).toBe(true);
    expect(can(lead, 'annual_report.read')).toBe(true);
    expect(can(lead, 'annual_report.read', { target: unitA })).toBe(true);
    expect(decide(lead, 'annual_report.read', { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
    expect(decide(lead, 'annual_report.read', { target: whole })).toEqual({ allowed: false, reason: 'out_of_scope' });
    expect(decide(actor(), 'annual_report.read')).toEqual({ allowed: false, reason: 'role_required' });
    expect(decide(actor([{ role: 'network_member', scope: org }]), 'annual_report.read', { target: unitA })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
  });

  it('lets HR and admins recognise anywhere, a network lead within the idea’s scope, nobody else', () => {
    const lead = actor([{ role: 'network_lead', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const hr = actor([{ role: 'hr', scope: org }]);
    expect(can(hr, 'recognition.manage', { target: unitB })).toBe(true);
    expect(can(actor([{ role: 'admin', scope: org }]), 'recognition.manage', { target: unitA })).toBe(true);
    // Route level: any lead reaches the list, which holds only what their scope covers.
    expect(can(lead, 'recognition.manage')).toBe(true);
    expect(can(lead, 'recognition.manage', { target: unitA })).toBe(true);
    expect(decide(lead, 'recognition.manage', { target: unitB })).toEqual({ allowed: false, reason: 'out_of_scope' });
    expect(decide(actor(), 'recognition.manage')).toEqual({ allowed: false, reason: 'role_required' });
    // A network member (not lead) and the committee do not recognise people.
    for (const role of ['network_member', 'committee_member'] as const) {
      expect(decide(actor([{ role, scope: org }]), 'recognition.manage', { target: unitA })).toEqual({
        allowed: false,
        reason: 'role_required',
      });
    }
  });

  it('lets only the person decline public recognition, and the person or a recogniser in scope read the certificate', () => {
    const lead = actor([{ role: 'network_lead', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const hr = actor([{ role: 'hr', scope: org }]);
    expect(can(actor(), 'recognition.read_own')).toBe(true);
    expect(can(actor(), 'recognition.read_public')).toBe(true);
    expect(decide(null, 'recognition.read_public')).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(can(actor(), 'recognition.decline_public', { target: unitA, isRecognised: true })).toBe(true);
    // HR may not decline on the person's behalf.
    expect(decide(hr, 'recognition.decline_public', { target: unitA, isRecognised: false })).toEqual({
      allowed: false,
      reason: 'not_the_person',
    });
    expect(can(actor(), 'recognition.certificate', { target: unitB, isRecognised: true })).toBe(true);
    expect(can(hr, 'recognition.certificate', { target: unitB, isRecognised: false })).toBe(true);
    expect(can(lead, 'recognition.certificate', { target: unitA, isRecognised: false })).toBe(true);
    expect(decide(lead, 'recognition.certificate', { target: unitB, isRecognised: false })).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(decide(actor(), 'recognition.certificate', { target: unitA, isRecognised: false })).toEqual({
      allowed: false,
      reason: 'role_required',
    });
  });

  it('keeps the recognition milestones to HR and admins', () => {
    expect(can(actor([{ role: 'hr', scope: org }]), 'recognition.settings')).toBe(true);
    expect(can(actor([{ role: 'admin', scope: org }]), 'recognition.settings')).toBe(true);
    expect(decide(actor([{ role: 'network_lead', scope: org }]), 'recognition.settings')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
  });

  it('lets whoever reads the annual report read the charter, and only HR and admins change it', () => {
    const lead = actor([{ role: 'network_lead', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
    const hr = actor([{ role: 'hr', scope: org }]);
    const admin = actor([{ role: 'admin', scope: org }]);
    for (const who of [hr, admin, lead]) expect(can(who, 'charter.read')).toBe(true);
    expect(decide(actor(), 'charter.read')).toEqual({ allowed: false, reason: 'role_required' });
    expect(decide(actor([{ role: 'network_member', scope: org }]), 'charter.read')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(can(hr, 'charter.manage')).toBe(true);
    expect(can(admin, 'charter.manage')).toBe(true);
    expect(decide(lead, 'charter.manage')).toEqual({ allowed: false, reason: 'role_required' });
    expect(decide(actor(), 'charter.manage')).toEqual({ allowed: false, reason: 'role_required' });
  });
});
