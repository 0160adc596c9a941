import type { Role, RoleAssignment, RoleScope } from './roles';

/**
 * The one permission policy: who may do what to which object, given their roles and scopes, their
 * authorship and the object's state. The API's guards call it before every handler and the web uses
 * the same function to decide which buttons to show. Pure: no I/O, no framework.
 */

/** Who is acting. `orgUnitPath` lists the person's org unit and its ancestors (root first). */
export interface Actor {
  personId: string;
  orgUnitId: string | null;
  assignments: readonly RoleAssignment[];
}

/** Where an object sits, for scoped roles: the org unit path (root first) and its themes. */
export interface ScopeTarget {
  orgUnitPath: readonly string[];
  themes?: readonly string[];
}

export type Action =
  // identity and access
  | 'session.read'
  | 'profile.read_own'
  | 'profile.update_own'
  | 'directory.search'
  | 'directory.read_person'
  | 'directory.import'
  | 'directory.read_imports'
  | 'org_unit.read'
  | 'org_unit.read_members'
  | 'headcount.read'
  | 'role.read'
  | 'role.grant'
  | 'role.approve'
  | 'role.revoke'
  | 'person.deactivate'
  | 'audit.read'
  // personal data: one's own export (anyone signed in); erasing a person (admins, never themselves)
  | 'personal_data.export_own'
  | 'person.erase'
  // ideas: engagement and moderation (object-level: the handler applies the idea policy)
  | 'idea.support'
  | 'idea.follow'
  | 'idea.comment'
  | 'idea.read_comments'
  // the idea's credited authors mark a comment that helped them "adopted" (retenu): its writer is credited
  | 'comment.adopt'
  | 'idea.merge'
  | 'content.report'
  | 'moderation.read'
  | 'moderation.resolve'
  // ideas (object-level checks are the idea policy in ../ideas: canReadIdea, canEditIdea, transition)
  | 'idea.create'
  | 'idea.read'
  | 'idea.read_own'
  | 'idea.edit'
  | 'idea.transition'
  | 'idea.capture'
  | 'idea.intake'
  | 'idea.reveal_author'
  // campaigns (appels à idées); the audience filter is applied by the handler (inAudience)
  | 'campaign.read'
  | 'campaign.manage'
  // the portfolio board (network and committee; the handler lists only ideas their scope covers)
  | 'portfolio.read'
  // committee sessions: read and prepare (committee members), plan sessions and their agendas, decide
  // (with a target: the committee member's scope must cover the idea)
  | 'committee.read'
  | 'committee.manage'
  | 'committee.decide'
  // the answer-time guarantee: the late list (network, listed within their scope) and its settings (admins)
  | 'deadline.read_late'
  | 'deadline.settings'
  // outgoing webhooks for integrations (admins only)
  | 'webhook.manage'
  // qualification: scoring an idea (its assigned network members), reading scorecards (network and
  // committee in scope), the criteria sets (campaign sets: campaign managers; the default: admins and
  // organisation-wide network members)
  | 'qualification.score'
  | 'qualification.read_scores'
  | 'criteria.read'
  | 'criteria.manage'
  // qualification routing: (re)assigning reviewers (network members in scope), the review queues
  // (one's own; the network-wide view lists only ideas the scope covers), one's own absence and delegate
  | 'qualification.assign'
  | 'qualification.read_queue'
  | 'network.absence_own'
  // private notes on an idea: the network and the committee in scope, never the idea's authors
  | 'private_note.read'
  | 'private_note.write'
  // notifications: one's own centre and preferences; the organisation's defaults and deliveries (admins)
  | 'notification.read_own'
  | 'notification.admin'
  // after the decision (docs/realisation.md). Route level: any signed-in person reaches the handler,
  // which decides on the idea with the actor's relation to it (team, lead, owner, invitee, author).
  | 'realisation.read'
  | 'team.invite'
  | 'team.change_lead'
  | 'team.answer_invitation'
  | 'team.join_as_author'
  | 'experiment.write'
  | 'experiment.record_outcome'
  | 'project.manage'
  | 'project.assign_owner'
  | 'impact.record'
  | 'impact.validate'
  | 'impact.read_rollups'
  | 'field_review.answer'
  | 'field_review.settings'
  | 'replication.request'
  | 'replication.decide'
  // Recognition (docs/recognition.md)
  | 'contribution.read_own'
  // claiming one's anonymous contributions on an idea: the person asks, the anonymity guardian decides
  | 'contribution.claim'
  | 'contribution.decide_claim'
  | 'credit.read'
  | 'credit.manage'
  // the annual report's figures: HR and admins for any scope; a network lead within their scope
  | 'annual_report.read'
  // the recognition workflow: recognisers (HR and admins anywhere, a network lead within the scope
  // of the idea) list, record and dismiss due items; the person reads theirs and declines public
  // recognition; the certificate for the person and recognisers; the milestones (HR, admins)
  | 'recognition.manage'
  | 'recognition.read_own'
  | 'recognition.read_public'
  | 'recognition.decline_public'
  | 'recognition.certificate'
  | 'recognition.settings'
  // the charter's commitments and HR's yearly inputs: read by whoever reads the report, changed by HR and admins
  | 'charter.read'
  | 'charter.manage'
  // platform operations
  | 'platform.health'
  | 'platform.operate';

export interface Decision {
  allowed: boolean;
  /** Stable reason code when refused (shown in the 403 problem document). */
  reason?: string;
}

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Does this scope cover the target? Organisation-wide covers all; a unit covers its subtree. */
export function scopeCovers(scope: RoleScope, target?: ScopeTarget): boolean {
  if (scope.kind === 'organisation') return true;
  if (!target) return false;
  if (scope.kind === 'org_unit') return target.orgUnitPath.includes(scope.orgUnitId);
  return (target.themes ?? []).includes(scope.theme);
}

export function hasRole(actor: Actor, role: Role, target?: ScopeTarget): boolean {
  if (role === 'employee') return true;
  return actor.assignments.some((a) => a.role === role && scopeCovers(a.scope, target));
}

/** Has the role with any scope at all (for screens that list only what the scope covers). */
export function holdsRole(actor: Actor, role: Role): boolean {
  return role === 'employee' || actor.assignments.some((a) => a.role === role);
}

export interface PolicyContext {
  /** The object's place in the organisation, for scoped roles. */
  target?: ScopeTarget;
  /** For actions on a person: whose record it is. */
  subjectPersonId?: string;
  /** For role.revoke: the role of the grant being revoked. */
  grantRole?: Role;
  /** For role.approve: the admin who asked for the grant. */
  requestedBy?: string;
  /** For qualification.score: the actor is an open assignee of the idea (qualification routing). */
  isAssignee?: boolean;
  /** For private notes: the actor is an author (or co-author, or capturer) of the idea. */
  isAuthor?: boolean;
  /** For criteria.manage: the organisation's default set rather than a campaign's. */
  organisationDefault?: boolean;
  /** For a recognition: the actor is the person recognised (decline public, certificate). */
  isRecognised?: boolean;
  /** After the decision: the actor's place in the idea's team and project (docs/realisation.md). */
  isTeamMember?: boolean;
  isTeamLead?: boolean;
  isProjectOwner?: boolean;
  /** For comment.adopt: the comment the authors would mark adopted. */
  comment?: AdoptableComment;
}

/** What comment.adopt needs to know of the comment (docs/recognition.md, "comment adopted"). */
export interface AdoptableComment {
  /** The actor wrote it. */
  byActor: boolean;
  /** One of the idea's authors (or its capturer) wrote it: the authors' own words credit nobody new. */
  byIdeaAuthor: boolean;
  /** Hidden by moderation: a hidden comment is not adopted. */
  hidden: boolean;
}

export function decide(actor: Actor | null, action: Action, ctx: PolicyContext = {}): Decision {
  if (action === 'platform.health') return ALLOW;
  if (!actor) return deny('unauthenticated');
  switch (action) {
    case 'session.read':
    case 'notification.read_own':
    case 'profile.read_own':
    case 'profile.update_own':
    case 'personal_data.export_own':
    case 'directory.search':
    case 'org_unit.read':
      return ALLOW;
    case 'idea.support':
    case 'idea.follow':
    case 'idea.comment':
    case 'idea.read_comments':
    case 'idea.merge':
    case 'content.report':
      // Any signed-in person at route level; the handler checks the idea itself (idea-policy.ts).
      return ALLOW;
    case 'comment.adopt':
      // The idea's credited authors (an anonymous one too: the act records no actor), on a visible
      // comment someone else wrote. Route level (no target): the handler asks again with the idea.
      if (!ctx.target) return ALLOW;
      if (ctx.isAuthor !== true) return deny('not_author');
      if (!ctx.comment) return ALLOW;
      if (ctx.comment.byActor) return deny('own_comment');
      if (ctx.comment.byIdeaAuthor) return deny('author_comment');
      return ctx.comment.hidden ? deny('comment_hidden') : ALLOW;
    case 'moderation.read':
      return holdsRole(actor, 'network_member') ? ALLOW : deny('role_required');
    case 'moderation.resolve':
      // The network member's scope must cover the reported content's idea.
      if (ctx.target && hasRole(actor, 'network_member', ctx.target)) return ALLOW;
      return deny(holdsRole(actor, 'network_member') ? 'out_of_scope' : 'role_required');
    case 'idea.create':
    case 'idea.read_own':
      return ALLOW;
    case 'idea.read':
    case 'idea.edit':
    case 'idea.transition':
      // Route level: any signed-in person; the handler decides on the idea (canReadIdea, transition...).
      return ALLOW;
    case 'idea.capture':
    case 'idea.intake':
      // Network members capture ideas on someone's behalf and take them in, within their scope.
      if (ctx.target ? hasRole(actor, 'network_member', ctx.target) : holdsRole(actor, 'network_member')) return ALLOW;
      return deny(holdsRole(actor, 'network_member') ? 'out_of_scope' : 'role_required');
    case 'campaign.read':
      return ALLOW;
    case 'campaign.manage':
      // Network members and admins run campaigns. With a target (one audience unit, or the whole
      // organisation as an empty path) a scoped network member may only address their own subtree.
      if (hasRole(actor, 'admin')) return ALLOW;
      if (ctx.target ? hasRole(actor, 'network_member', ctx.target) : holdsRole(actor, 'network_member')) return ALLOW;
      return deny(holdsRole(actor, 'network_member') ? 'out_of_scope' : 'role_required');
    case 'deadline.read_late':
      // Any scope at route level: the handler lists only the ideas the member's or lead's scope covers.
      if (holdsRole(actor, 'network_member') || holdsRole(actor, 'network_lead')) return ALLOW;
      return deny('role_required');
    case 'deadline.settings':
      return hasRole(actor, 'admin') ? ALLOW : deny('role_required');
    case 'committee.read':
    case 'committee.manage':
    case 'committee.decide':
      // Route level: any committee scope; the handler passes the idea as target for agenda and decisions.
      if (ctx.target ? hasRole(actor, 'committee_member', ctx.target) : holdsRole(actor, 'committee_member'))
        return ALLOW;
      return deny(holdsRole(actor, 'committee_member') ? 'out_of_scope' : 'role_required');
    case 'portfolio.read':
      // With a target: the scope must cover it; without, any scope (the board lists only covered ideas).
      if (ctx.target) {
        if (hasRole(actor, 'network_member', ctx.target) || hasRole(actor, 'committee_member', ctx.target))
          return ALLOW;
      } else if (holdsRole(actor, 'network_member') || holdsRole(actor, 'committee_member')) return ALLOW;
      return deny(
        holdsRole(actor, 'network_member') || holdsRole(actor, 'committee_member') ? 'out_of_scope' : 'role_required',
      );
    case 'qualification.score':
      // Only the network members the idea is assigned to, within their scope. Route level (no target):
      // holding the role is enough to reach the handler, which decides on the idea.
      if (!holdsRole(actor, 'network_member')) return deny('role_required');
      if (!ctx.target) return ALLOW;
      if (!hasRole(actor, 'network_member', ctx.target)) return deny('out_of_scope');
      // No one assesses their own idea.
      if (ctx.isAuthor) return deny('is_author');
      return ctx.isAssignee === true ? ALLOW : deny('not_assigned');
    case 'qualification.read_scores': {
      // Leads too: they are told of late ideas and follow them up.
      const roles = ['network_member', 'network_lead', 'committee_member'] as const;
      if (!roles.some((r) => holdsRole(actor, r))) return deny('role_required');
      if (!ctx.target) return ALLOW;
      if (!roles.some((r) => hasRole(actor, r, ctx.target))) return deny('out_of_scope');
      // The reviews of one's own idea are the network's working papers, not the authors'.
      return ctx.isAuthor ? deny('is_author') : ALLOW;
    }
    case 'criteria.read':
      if (hasRole(actor, 'admin')) return ALLOW;
      return (['network_member', 'network_lead', 'committee_member'] as const).some((r) => holdsRole(actor, r))
        ? ALLOW
        : deny('role_required');
    case 'criteria.manage':
      // The default set: admins, organisation-wide network members and leads. A campaign's set:
      // whoever may manage the campaign (its audience as the target).
      if (hasRole(actor, 'admin')) return ALLOW;
      if (ctx.organisationDefault && hasRole(actor, 'network_lead')) return ALLOW;
      if (!holdsRole(actor, 'network_member')) return deny('role_required');
      if (ctx.organisationDefault) return hasRole(actor, 'network_member') ? ALLOW : deny('out_of_scope');
      return decide(actor, 'campaign.manage', { target: ctx.target });
    case 'qualification.assign':
    case 'qualification.read_queue':
    case 'network.absence_own':
      // Route level: any network scope; with a target (an idea) the scope must cover it.
      if (ctx.target ? hasRole(actor, 'network_member', ctx.target) : holdsRole(actor, 'network_member')) return ALLOW;
      return deny(holdsRole(actor, 'network_member') ? 'out_of_scope' : 'role_required');
    case 'private_note.read':
    case 'private_note.write': {
      const roles = ['network_member', 'committee_member'] as const;
      if (!roles.some((r) => holdsRole(actor, r))) return deny('role_required');
      if (!ctx.target) return ALLOW;
      if (!roles.some((r) => hasRole(actor, r, ctx.target))) return deny('out_of_scope');
      // The authors never read what the network says about their idea behind their back.
      return ctx.isAuthor === true ? deny('is_author') : ALLOW;
    }
    case 'contribution.read_own':
      return ALLOW;
    case 'contribution.claim':
      // Anyone, for their own entries only: the handler claims the caller's rows and nobody else's.
      return ALLOW;
    case 'contribution.decide_claim':
      // The anonymity guardian (tiers de confiance), like the reveal: a neutral third party.
      return hasRole(actor, 'anonymity_guardian') ? ALLOW : deny('role_required');
    case 'credit.read':
      // Route level: the handler answers only for an idea the actor may read (canReadIdea).
      return ALLOW;
    case 'credit.manage':
      // The network member whose scope covers the idea sets its credit shares.
      if (!holdsRole(actor, 'network_member')) return deny('role_required');
      return !ctx.target || hasRole(actor, 'network_member', ctx.target) ? ALLOW : deny('out_of_scope');
    case 'annual_report.read': {
      // HR and admins read the whole organisation's figures; a network lead (who follows recognition
      // with HR) reads those of the units their scope covers. The whole organisation is the empty path.
      if (hasRole(actor, 'hr') || hasRole(actor, 'admin')) return ALLOW;
      if (!holdsRole(actor, 'network_lead')) return deny('role_required');
      return !ctx.target || hasRole(actor, 'network_lead', ctx.target) ? ALLOW : deny('out_of_scope');
    }
    case 'recognition.manage':
      return recogniser(actor, ctx.target);
    case 'recognition.read_own':
      return ALLOW;
    case 'recognition.read_public':
      // Route level: the handler answers only for an idea the actor may read (canReadIdea).
      return ALLOW;
    case 'recognition.decline_public':
      // The person only: nobody declines on their behalf.
      return objectLevel(ctx, ctx.isRecognised === true, 'not_the_person');
    case 'recognition.certificate':
      // The person, and the recognisers who may see the item.
      if (!ctx.target) return ALLOW;
      return ctx.isRecognised === true ? ALLOW : recogniser(actor, ctx.target);
    case 'recognition.settings':
      return hasRole(actor, 'hr') || hasRole(actor, 'admin') ? ALLOW : deny('role_required');
    case 'charter.read':
      // The charter is the organisation's: whoever reads an annual report reads what it is structured by.
      return hasRole(actor, 'hr') || hasRole(actor, 'admin') || holdsRole(actor, 'network_lead')
        ? ALLOW
        : deny('role_required');
    case 'charter.manage':
      return hasRole(actor, 'hr') || hasRole(actor, 'admin') ? ALLOW : deny('role_required');
    case 'realisation.read':
    case 'team.answer_invitation':
      // The handler checks the idea is readable (canReadIdea) and that the invitation is the actor's.
      return ALLOW;
    case 'team.invite':
    case 'experiment.record_outcome':
      // The team lead, or the network coaching the idea.
      return objectLevel(ctx, ctx.isTeamLead === true || networkCovers(actor, ctx.target));
    case 'experiment.write':
      return objectLevel(ctx, ctx.isTeamMember === true || networkCovers(actor, ctx.target));
    case 'team.join_as_author':
      // "Authors first": an author who declined their place, or left, may take it back.
      return objectLevel(ctx, ctx.isAuthor === true, 'not_author');
    case 'project.manage':
    case 'impact.record':
      // The owner and the team run the project; the network in scope helps.
      return objectLevel(
        ctx,
        ctx.isProjectOwner === true || ctx.isTeamMember === true || networkCovers(actor, ctx.target),
      );
    case 'field_review.answer':
      // "What really happened" is asked of the owner and the authors.
      return objectLevel(ctx, ctx.isProjectOwner === true || ctx.isAuthor === true, 'not_implementation_owner');
    case 'team.change_lead':
    case 'impact.validate':
    case 'replication.decide':
      // The network member whose scope covers the idea (for a replication: the adopting unit).
      if (!holdsRole(actor, 'network_member')) return deny('role_required');
      return !ctx.target || hasRole(actor, 'network_member', ctx.target) ? ALLOW : deny('out_of_scope');
    case 'project.assign_owner':
      // Naming the owner: the network or the committee in scope.
      if (!holdsRole(actor, 'network_member') && !holdsRole(actor, 'committee_member')) return deny('role_required');
      if (!ctx.target) return ALLOW;
      return hasRole(actor, 'network_member', ctx.target) || hasRole(actor, 'committee_member', ctx.target)
        ? ALLOW
        : deny('out_of_scope');
    case 'replication.request':
      // A network member whose scope covers the adopting unit (the target).
      if (!holdsRole(actor, 'network_member')) return deny('role_required');
      return !ctx.target || hasRole(actor, 'network_member', ctx.target) ? ALLOW : deny('out_of_scope');
    case 'impact.read_rollups': {
      // Roll-ups are the organisation's figures: the network, the committee, HR and admins.
      const roles = ['network_member', 'network_lead', 'committee_member', 'hr', 'admin'] as const;
      return roles.some((r) => holdsRole(actor, r)) ? ALLOW : deny('role_required');
    }
    case 'field_review.settings':
      return hasRole(actor, 'admin') ? ALLOW : deny('role_required');
    case 'idea.reveal_author':
      return hasRole(actor, 'anonymity_guardian') ? ALLOW : deny('role_required');
    case 'directory.read_person':
      // Anyone may see a colleague's public card (name, unit) — needed for co-authors and mentions.
      return ALLOW;
    case 'org_unit.read_members':
      // Member lists with e-mails: HR and admins everywhere; network members within their scope.
      if (hasRole(actor, 'hr') || hasRole(actor, 'admin')) return ALLOW;
      if (ctx.target && hasRole(actor, 'network_member', ctx.target)) return ALLOW;
      return deny(holdsRole(actor, 'network_member') ? 'out_of_scope' : 'role_required');
    case 'directory.import':
    case 'directory.read_imports':
    case 'headcount.read':
      return hasRole(actor, 'hr') || hasRole(actor, 'admin') ? ALLOW : deny('role_required');
    case 'role.read':
    case 'role.grant':
    case 'role.approve':
    case 'role.revoke':
    case 'person.deactivate':
    case 'person.erase':
    case 'audit.read':
    case 'platform.operate':
    case 'webhook.manage':
    case 'notification.admin':
      if (!hasRole(actor, 'admin')) return deny('role_required');
      // An admin cannot lock themselves out; another admin must do it.
      if ((action === 'person.deactivate' || action === 'person.erase') && ctx.subjectPersonId === actor.personId) {
        return deny('not_on_yourself');
      }
      if (action === 'role.revoke' && ctx.grantRole === 'admin' && ctx.subjectPersonId === actor.personId) {
        return deny('not_on_yourself');
      }
      // Four eyes: a grant waiting for approval is approved by an admin who neither asked for it nor receives it.
      if (action === 'role.approve' && (ctx.requestedBy === actor.personId || ctx.subjectPersonId === actor.personId)) {
        return deny('second_admin_required');
      }
      return ALLOW;
  }
}

/**
 * A recogniser (docs/recognition.md §3): HR and admins anywhere; a network lead within their scope
 * (the idea's unit or themes). Without a target (route level) any network lead reaches the handler,
 * which lists only what the scope covers.
 */
function recogniser(actor: Actor, target?: ScopeTarget): Decision {
  if (hasRole(actor, 'hr') || hasRole(actor, 'admin')) return ALLOW;
  if (!holdsRole(actor, 'network_lead')) return deny('role_required');
  return !target || hasRole(actor, 'network_lead', target) ? ALLOW : deny('out_of_scope');
}

/** The network member whose scope covers the idea. */
function networkCovers(actor: Actor, target?: ScopeTarget): boolean {
  return target !== undefined && hasRole(actor, 'network_member', target);
}

/**
 * For actions that depend on the actor's relation to one idea: without a target (route level) any
 * signed-in person reaches the handler, which asks again with the idea's facts.
 */
function objectLevel(ctx: PolicyContext, allowed: boolean, reason = 'not_idea_team'): Decision {
  if (!ctx.target) return ALLOW;
  return allowed ? ALLOW : deny(reason);
}

export function can(actor: Actor | null, action: Action, ctx?: PolicyContext): boolean {
  return decide(actor, action, ctx).allowed;
}
