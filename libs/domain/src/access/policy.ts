// The one permission policy: who may do what to which object, given their roles and scopes, their
// authorship and the object's state. The API's guards call it before every handler and the web uses
// the same function to decide which buttons to show. Pure: no I/O, no framework. The realisation's
// and recognition's actions are decided in policy-realisation.ts and policy-recognition.ts.
import { ALLOW, deny, hasRole, holdsRole, type Actor, type Decision, type PolicyContext } from './policy-core';
import { decideRealisation, isRealisationAction, type RealisationAction } from './policy-realisation';
import { decideRecognition, isRecognitionAction, type RecognitionAction } from './policy-recognition';

export { hasRole, holdsRole, scopeCovers } from './policy-core';
export type { Actor, AdoptableComment, Decision, PolicyContext, ScopeTarget } from './policy-core';
export { REALISATION_ACTIONS, type RealisationAction } from './policy-realisation';
export { RECOGNITION_ACTIONS, type RecognitionAction } from './policy-recognition';

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
  | RealisationAction
  | RecognitionAction
  // platform operations
  | 'platform.health'
  | 'platform.operate';

export function decide(actor: Actor | null, action: Action, ctx: PolicyContext = {}): Decision {
  if (action === 'platform.health') return ALLOW;
  if (!actor) return deny('unauthenticated');
  if (isRealisationAction(action)) return decideRealisation(actor, action, ctx);
  if (isRecognitionAction(action)) return decideRecognition(actor, action, ctx);
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

export function can(actor: Actor | null, action: Action, ctx?: PolicyContext): boolean {
  return decide(actor, action, ctx).allowed;
}
