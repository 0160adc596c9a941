import { can, holdsRole, type Action, type Actor, type Role } from '@eclore/domain';

export type NavKey =
  | 'home'
  | 'ideas'
  | 'campaigns'
  | 'myIdeas'
  | 'intake'
  | 'reviewQueue'
  | 'late'
  | 'portfolio'
  | 'qualification'
  | 'committee'
  | 'impact'
  | 'recognition'
  | 'recognitionFigures'
  | 'recognitionDue'
  | 'annualReports'
  | 'charter'
  | 'moderation'
  | 'directory'
  | 'administration'
  | 'anonymity'
  | 'contributionClaims';

export interface NavItem {
  key: NavKey;
  path: string;
}

/**
 * Who sees an entry: everyone; any signed-in person holding one of the roles (whatever its scope);
 * or whoever the domain policy allows an action — the same `can()` the API enforces.
 */
type Audience = { public: true } | { anyRole: readonly Role[] } | { action: Action };

interface NavEntry extends NavItem {
  audience: Audience;
}

/** Every section of the product, in menu order, and who may see it. */
const NAVIGATION: readonly NavEntry[] = [
  { key: 'home', path: '/', audience: { public: true } },
  {
    key: 'ideas',
    path: '/ideas',
    audience: { anyRole: ['employee', 'network_member', 'committee_member', 'hr', 'admin'] },
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    audience: { anyRole: ['employee', 'network_member', 'committee_member', 'hr', 'admin'] },
  },
  {
    key: 'myIdeas',
    path: '/my-ideas',
    audience: { anyRole: ['employee', 'network_member', 'committee_member', 'hr', 'admin'] },
  },
  { key: 'intake', path: '/intake', audience: { action: 'idea.intake' } },
  { key: 'reviewQueue', path: '/review-queue', audience: { action: 'qualification.read_queue' } },
  { key: 'late', path: '/late', audience: { action: 'deadline.read_late' } },
  { key: 'portfolio', path: '/portfolio', audience: { action: 'portfolio.read' } },
  { key: 'qualification', path: '/qualification', audience: { anyRole: ['network_member'] } },
  { key: 'moderation', path: '/moderation', audience: { action: 'moderation.read' } },
  { key: 'committee', path: '/committee', audience: { anyRole: ['committee_member'] } },
  { key: 'impact', path: '/impact', audience: { action: 'impact.read_rollups' } },
  { key: 'recognition', path: '/recognition', audience: { anyRole: ['hr', 'admin'] } },
  { key: 'recognitionFigures', path: '/recognition/figures', audience: { action: 'annual_report.read' } },
  { key: 'recognitionDue', path: '/recognition/due', audience: { action: 'recognition.manage' } },
  { key: 'annualReports', path: '/recognition/reports', audience: { action: 'annual_report.read' } },
  { key: 'charter', path: '/recognition/charter', audience: { action: 'charter.read' } },
  { key: 'directory', path: '/directory', audience: { action: 'directory.import' } },
  { key: 'administration', path: '/admin', audience: { action: 'role.read' } },
  { key: 'anonymity', path: '/anonymity', audience: { anyRole: ['anonymity_guardian'] } },
  { key: 'contributionClaims', path: '/anonymity/claims', audience: { action: 'contribution.decide_claim' } },
];

function visible(audience: Audience, actor: Actor | null): boolean {
  if ('public' in audience) return true;
  if (!actor) return false;
  if ('action' in audience) return can(actor, audience.action);
  return (
    audience.anyRole.some((role) => role !== 'employee' && holdsRole(actor, role)) ||
    // "employee" alone: every signed-in person, unless their only grant is the anonymity guardian's desk.
    (audience.anyRole.includes('employee') && !isGuardianOnly(actor))
  );
}

/** The guardian's account is kept apart from the idea workflow (they must stay a neutral third party). */
function isGuardianOnly(actor: Actor): boolean {
  return actor.assignments.length > 0 && actor.assignments.every((a) => a.role === 'anonymity_guardian');
}

/**
 * The menu for this actor (null when signed out). Only sections whose page exists in this build
 * (`availablePaths`) are listed, so a role never sees a link to a page not yet built.
 */
export function navigationFor(actor: Actor | null, availablePaths: ReadonlySet<string>): NavItem[] {
  return NAVIGATION.filter((entry) => availablePaths.has(entry.path) && visible(entry.audience, actor)).map(
    ({ key, path }) => ({
      key,
      path,
    }),
  );
}
