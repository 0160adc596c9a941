import { ROLES, navigationFor, type Role } from './navigation';

const EVERY_PAGE = new Set(['/', '/ideas', '/qualification', '/committee', '/recognition', '/admin', '/anonymity']);
const keys = (roles: readonly Role[], available: ReadonlySet<string> = EVERY_PAGE) =>
  navigationFor(roles, available).map((item) => item.key);

describe('navigationFor', () => {
  it('shows a signed-out visitor only the public pages', () => {
    expect(keys([])).toEqual(['home']);
  });

  it('gives an employee the ideas but no role-specific section', () => {
    expect(keys(['employee'])).toEqual(['home', 'ideas']);
  });

  it('adds each role’s own section', () => {
    expect(keys(['employee', 'network_member'])).toEqual(['home', 'ideas', 'qualification']);
    expect(keys(['employee', 'committee_member'])).toEqual(['home', 'ideas', 'committee']);
    expect(keys(['hr'])).toEqual(['home', 'ideas', 'recognition']);
    expect(keys(['admin'])).toEqual(['home', 'ideas', 'recognition', 'administration']);
  });

  it('gives the anonymity guardian the reveal desk and nothing of the idea workflow', () => {
    expect(keys(['anonymity_guardian'])).toEqual(['home', 'anonymity']);
  });

  it('lists each section once, in menu order, whatever the order and repetition of roles', () => {
    const all = keys([...ROLES].reverse().concat(ROLES));
    expect(all).toEqual(['home', 'ideas', 'qualification', 'committee', 'recognition', 'administration', 'anonymity']);
  });

  it('never links to a page this build does not have', () => {
    expect(keys(['admin', 'network_member'], new Set(['/', '/admin']))).toEqual(['home', 'administration']);
    expect(keys([], new Set())).toEqual([]);
  });

  it('returns paths with the keys', () => {
    expect(navigationFor(['admin'], EVERY_PAGE)).toContainEqual({ key: 'administration', path: '/admin' });
  });
});
