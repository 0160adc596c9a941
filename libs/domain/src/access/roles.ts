/** The roles of the platform. Every signed-in, active person is an employee; the others are granted. */
export const ROLES = [
  'employee',
  'network_member',
  // Leads the innovation network: told when an idea in their scope is past its answer-time deadline.
  'network_lead',
  'committee_member',
  'hr',
  'admin',
  'anonymity_guardian',
] as const;
export type Role = (typeof ROLES)[number];
export const GRANTABLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'employee'> => r !== 'employee');
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/**
 * Roles that take effect only when a second admin approves the grant (separation of duties): the
 * anonymity guardian can reveal who wrote an anonymous idea, so no admin may give it alone, not
 * even to themselves.
 */
export const ROLES_NEEDING_APPROVAL: readonly GrantableRole[] = ['anonymity_guardian'];

/** Network and committee roles may be narrowed to org units (and their subtrees) or to themes. */
export const SCOPABLE_ROLES: readonly GrantableRole[] = ['network_member', 'network_lead', 'committee_member'];

export type RoleScope =
  | { kind: 'organisation' }
  | { kind: 'org_unit'; orgUnitId: string }
  | { kind: 'theme'; theme: string };

export interface RoleAssignment {
  role: Role;
  scope: RoleScope;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}
