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
  | 'role.revoke'
  | 'person.deactivate'
  | 'audit.read'
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
}

export function decide(actor: Actor | null, action: Action, ctx: PolicyContext = {}): Decision {
  if (action === 'platform.health') return ALLOW;
  if (!actor) return deny('unauthenticated');
  switch (action) {
    case 'session.read':
    case 'profile.read_own':
    case 'profile.update_own':
    case 'directory.search':
    case 'org_unit.read':
      return ALLOW;
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
    case 'role.revoke':
    case 'person.deactivate':
    case 'audit.read':
    case 'platform.operate':
      if (!hasRole(actor, 'admin')) return deny('role_required');
      // An admin cannot lock themselves out; another admin must do it.
      if (action === 'person.deactivate' && ctx.subjectPersonId === actor.personId) return deny('not_on_yourself');
      if (action === 'role.revoke' && ctx.grantRole === 'admin' && ctx.subjectPersonId === actor.personId) {
        return deny('not_on_yourself');
      }
      return ALLOW;
  }
}

export function can(actor: Actor | null, action: Action, ctx?: PolicyContext): boolean {
  return decide(actor, action, ctx).allowed;
}
