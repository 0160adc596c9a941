import { GRANTABLE_ROLES, type Actor, type GrantableRole, type RoleAssignment } from '@eclore/domain';
import { navigationFor } from './navigation';

const EVERY_PAGE = new Set(['/', '/ideas', '/qualification', '/committee', '/recognition', '/admin', '/anonymity']);
const actor = (...roles: GrantableRole[]): Actor => ({
  personId: 'p1',
  orgUnitId: 'u1',
  assignments: roles.map((role): RoleAssignment => ({ role, scope: { kind: 'organisation' } })),
});
/** Someone holding one role within one org unit only. */
const scopedActor = (role: GrantableRole): Actor => ({
  personId: 'p1',
  orgUnitId: 'u1',
  assignments: [{ role, scope: { kind: 'org_unit', orgUnitId: 'ds' } }],
});
const keys = (who: Actor | null, available: ReadonlySet<string> = EVERY_PAGE) =>
  navigationFor(who, available).map((item) => item.key);

describe('navigationFor', () => {
  it('shows a signed-out visitor only the public pages', () => {
    expect(keys(null)).toEqual(['home']);
  });

  it('gives an employee the ideas but no role-specific section', () => {
    expect(keys(actor())).toEqual(['home', 'ideas']);
  });

  it('adds each role’s own section', () => {
    expect(keys(actor('network_member'))).toEqual(['home', 'ideas', 'qualification']);
    expect(keys(actor('committee_member'))).toEqual(['home', 'ideas', 'committee']);
    expect(keys(actor('hr'))).toEqual(['home', 'ideas', 'recognition']);
    expect(keys(actor('admin'))).toEqual(['home', 'ideas', 'recognition', 'administration']);
  });

  it('shows a role scoped to one org unit as well as an organisation-wide one', () => {
    const scoped = scopedActor('network_member');
    expect(keys(scoped)).toEqual(['home', 'ideas', 'qualification']);
  });

  it('gives the anonymity guardian the reveal desk and nothing of the idea workflow', () => {
    expect(keys(actor('anonymity_guardian'))).toEqual(['home', 'anonymity']);
  });

  it('lists each section once, in menu order, whatever the order and repetition of roles', () => {
    const all = keys(actor(...[...GRANTABLE_ROLES].reverse(), ...GRANTABLE_ROLES));
    expect(all).toEqual(['home', 'ideas', 'qualification', 'committee', 'recognition', 'administration', 'anonymity']);
  });

  it('gives the annual report and the charter to HR, admins and network leads, and to nobody else', () => {
    const pages = new Set(['/', '/recognition/reports', '/recognition/charter']);
    expect(keys(actor('hr'), pages)).toEqual(['home', 'annualReports', 'charter']);
    expect(keys(actor('admin'), pages)).toEqual(['home', 'annualReports', 'charter']);
    const lead = scopedActor('network_lead');
    expect(keys(lead, pages)).toEqual(['home', 'annualReports', 'charter']);
    expect(keys(actor('network_member', 'committee_member'), pages)).toEqual(['home']);
  });

  it('never links to a page this build does not have', () => {
    expect(keys(actor('admin', 'network_member'), new Set(['/', '/admin']))).toEqual(['home', 'administration']);
    expect(keys(null, new Set())).toEqual([]);
  });

  it('opens the portfolio board to the network and the committee, whatever their scope', () => {
    const available = new Set([...EVERY_PAGE, '/portfolio']);
    const scoped = scopedActor('committee_member');
    expect(keys(actor('network_member'), available)).toContain('portfolio');
    expect(keys(scoped, available)).toContain('portfolio');
    for (const role of ['hr', 'admin', 'anonymity_guardian'] as const)
      expect(keys(actor(role), available)).not.toContain('portfolio');
    expect(keys(actor(), available)).not.toContain('portfolio');
  });

  it('returns paths with the keys', () => {
    expect(navigationFor(actor('admin'), EVERY_PAGE)).toContainEqual({ key: 'administration', path: '/admin' });
  });

  it('opens recognition due to HR, admins and network leads (any scope), not to network members', () => {
    const available = new Set([...EVERY_PAGE, '/recognition/due']);
    const lead = scopedActor('network_lead');
    expect(keys(actor('hr'), available)).toContain('recognitionDue');
    expect(keys(actor('admin'), available)).toContain('recognitionDue');
    expect(keys(lead, available)).toContain('recognitionDue');
    expect(keys(actor('network_member'), available)).not.toContain('recognitionDue');
    expect(keys(actor(), available)).not.toContain('recognitionDue');
  });
});
