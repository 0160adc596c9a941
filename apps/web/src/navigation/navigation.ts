/**
 * Roles a signed-in person can hold (see docs: security model). Identity arrives in a later issue;
 * until then the shell behaves as for a signed-out visitor (no roles).
 */
export const ROLES = ['employee', 'network_member', 'committee_member', 'hr', 'admin', 'anonymity_guardian'] as const;
export type Role = (typeof ROLES)[number];

export type NavKey = 'home' | 'ideas' | 'qualification' | 'committee' | 'recognition' | 'administration' | 'anonymity';

export interface NavItem {
  key: NavKey;
  path: string;
}

interface NavEntry extends NavItem {
  /** `public`: everyone, signed in or not; otherwise any of the listed roles. */
  audience: 'public' | readonly Role[];
}

/** Every section of the product, in menu order, and who may see it. */
const NAVIGATION: readonly NavEntry[] = [
  { key: 'home', path: '/', audience: 'public' },
  { key: 'ideas', path: '/ideas', audience: ['employee', 'network_member', 'committee_member', 'hr', 'admin'] },
  { key: 'qualification', path: '/qualification', audience: ['network_member'] },
  { key: 'committee', path: '/committee', audience: ['committee_member'] },
  { key: 'recognition', path: '/recognition', audience: ['hr', 'admin'] },
  { key: 'administration', path: '/admin', audience: ['admin'] },
  { key: 'anonymity', path: '/anonymity', audience: ['anonymity_guardian'] },
];

/**
 * The menu for a person with these roles (none when signed out). Only sections whose page exists
 * in this build (`availablePaths`) are listed, so a role never sees a link to a page not yet built.
 */
export function navigationFor(roles: readonly Role[], availablePaths: ReadonlySet<string>): NavItem[] {
  const held = new Set(roles);
  return NAVIGATION.filter(
    (entry) =>
      availablePaths.has(entry.path) && (entry.audience === 'public' || entry.audience.some((role) => held.has(role))),
  ).map(({ key, path }) => ({ key, path }));
}
