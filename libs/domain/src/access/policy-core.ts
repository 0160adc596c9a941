import type { Role, RoleAssignment, RoleScope } from './roles';

/**
 * The policy's vocabulary and the scope rules every part of it uses (policy.ts decides; the
 * realisation's and recognition's actions are decided in their own files beside it).
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

export interface Decision {
  allowed: boolean;
  /** Stable reason code when refused (shown in the 403 problem document). */
  reason?: string;
}

export const ALLOW: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });

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

/** The network member whose scope covers the idea. */
export function networkCovers(actor: Actor, target?: ScopeTarget): boolean {
  return target !== undefined && hasRole(actor, 'network_member', target);
}

/**
 * For actions that depend on the actor's relation to one idea: without a target (route level) any
 * signed-in person reaches the handler, which asks again with the idea's facts.
 */
export function objectLevel(ctx: PolicyContext, allowed: boolean, reason = 'not_idea_team'): Decision {
  if (!ctx.target) return ALLOW;
  return allowed ? ALLOW : deny(reason);
}
