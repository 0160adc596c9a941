import { ALLOW, deny, hasRole, holdsRole, networkCovers, objectLevel } from './policy-core';
import type { Actor, Decision, PolicyContext } from './policy-core';

export const REALISATION_ACTIONS = [
  // after the decision (docs/realisation.md). Route level: any signed-in person reaches the handler,
  // which decides on the idea with the actor's relation to it (team, lead, owner, invitee, author).
  'realisation.read',
  'team.invite',
  'team.change_lead',
  'team.answer_invitation',
  'team.join_as_author',
  'experiment.write',
  'experiment.record_outcome',
  'project.manage',
  'project.assign_owner',
  'impact.record',
  'impact.validate',
  'impact.read_rollups',
  'field_review.answer',
  'field_review.settings',
  'replication.request',
  'replication.decide',
] as const;
export type RealisationAction = (typeof REALISATION_ACTIONS)[number];

const REALISATION = new Set<string>(REALISATION_ACTIONS);
export function isRealisationAction(action: string): action is RealisationAction {
  return REALISATION.has(action);
}

/** The realisation's actions (docs/realisation.md): the idea team, experiments, the project, impact, replication. */
export function decideRealisation(actor: Actor, action: RealisationAction, ctx: PolicyContext): Decision {
  switch (action) {
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
  }
}
