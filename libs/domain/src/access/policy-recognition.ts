import { ALLOW, deny, hasRole, holdsRole, objectLevel } from './policy-core';
import type { Actor, Decision, PolicyContext, ScopeTarget } from './policy-core';

export const RECOGNITION_ACTIONS = [
  // Recognition (docs/recognition.md)
  'contribution.read_own',
  // claiming one's anonymous contributions on an idea: the person asks, the anonymity guardian decides
  'contribution.claim',
  'contribution.decide_claim',
  'credit.read',
  'credit.manage',
  // the annual report's figures: HR and admins for any scope; a network lead within their scope
  'annual_report.read',
  // the recognition workflow: recognisers (HR and admins anywhere, a network lead within the scope
  // of the idea) list, record and dismiss due items; the person reads theirs and declines public
  // recognition; the certificate for the person and recognisers; the milestones (HR, admins)
  'recognition.manage',
  'recognition.read_own',
  'recognition.read_public',
  'recognition.decline_public',
  'recognition.certificate',
  'recognition.settings',
  // the charter's commitments and HR's yearly inputs: read by whoever reads the report, changed by HR and admins
  'charter.read',
  'charter.manage',
] as const;
export type RecognitionAction = (typeof RECOGNITION_ACTIONS)[number];

const RECOGNITION = new Set<string>(RECOGNITION_ACTIONS);
export function isRecognitionAction(action: string): action is RecognitionAction {
  return RECOGNITION.has(action);
}

/** Recognition and the charter's actions (docs/recognition.md). */
export function decideRecognition(actor: Actor, action: RecognitionAction, ctx: PolicyContext): Decision {
  switch (action) {
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
