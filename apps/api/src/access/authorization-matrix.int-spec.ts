import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OrgUnit, Person, SessionService } from '@eclore/server-identity';
import { Campaign, ContentReport, Idea } from '@eclore/server-ideas';
import { seed } from '@eclore/migrations';
import { DEFAULT_CHARTER, DEFAULT_CRITERIA } from '@eclore/domain';
import { QualificationAssignment } from '@eclore/server-qualification';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { createApiApp } from '../bootstrap';
import { makeCampaign, makeComment, makeIdea } from '../../../../test/harness';
import { listRoutes } from './routes';

/**
 * The authorization matrix: every route × every kind of person → the expected status, on the real
 * application with the seeded demo organisation. ONE LINE PER ROUTE (several when the object decides,
 * e.g. in and out of a scope); a test fails when a route of the API has no line. Requests carry a fresh
 * session and its CSRF token, so what is measured is permission, not CSRF. Where the status for
 * allowed people is a 4xx (an unknown id, a missing file), the point is that it is not a 401/403.
 */
type Who = 'signedOut' | 'employee' | 'network' | 'committee' | 'hr' | 'admin' | 'guardian';
const WHO: readonly Who[] = ['signedOut', 'employee', 'network', 'committee', 'hr', 'admin', 'guardian'];
type Expect = Record<Who, number>;

interface Fixtures {
  unit: (code: string) => string;
  unknownId: string;
  /** Ideas written in the state a line needs (the employee is the author of `own` and `draft`). */
  idea: Record<'published' | 'own' | 'draft' | 'outside', string>;
  /** Open reports, one per resolving line (a hide or a dismissal closes its report). */
  report: Record<'toHide' | 'toDismiss' | 'outside', string>;
  /** Campaigns addressed to DS-SOINS (in the network member's scope) and to DF (outside it). */
  campaign: Record<'inScope' | 'outside', string>;
  /** A DS idea in qualification that the network member is assigned to review. */
  scoring: string;
  /** Recognitions of the employee on their own DS idea: one due, one recorded (public). */
  recognition: Record<'due' | 'recorded', string>;
  /** A colleague's comment on the employee's own idea (`idea.own`), which the employee may adopt. */
  commentOnOwn: string;
}
interface Row {
  /** `METHOD /api/path/:param` exactly as the route is declared. */
  route: string;
  /** Why this line exists when a route has several. */
  label?: string;
  /** The concrete URL; defaults to the route's path. */
  url?: (f: Fixtures) => string;
  body?: (who: Who, f: Fixtures) => object;
  expect: Expect;
}

/** Everyone gets this status. */
const everyone = (status: number): Expect => ({
  signedOut: status,
  employee: status,
  network: status,
  committee: status,
  hr: status,
  admin: status,
  guardian: status,
});
/** Any signed-in person gets this status; visitors 401. */
const signedIn = (status: number): Expect => ({ ...everyone(status), signedOut: 401 });
/** The listed people get their status; other signed-in people 403; visitors 401. */
const only = (allowed: Partial<Record<Exclude<Who, 'signedOut'>, number>>): Expect => ({
  ...signedIn(403),
  ...allowed,
});

// The demo accounts (migrations/seed/demo-organisation.ts) standing for each kind of person.
const PEOPLE: Record<Exclude<Who, 'signedOut'>, string> = {
  employee: 'Girard', // no role
  network: 'Gagnon', // network member scoped to the DS direction
  committee: 'Morel',
  hr: 'Favre',
  admin: 'Rochat',
  guardian: 'Dubois',
};

/** A complete scorecard for the default criteria. */
const ALL_FOURS = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, 4]));

const ROWS: Row[] = [
  // platform
  { route: 'GET /api/health', expect: everyone(200) },
  { route: 'GET /api/ready', expect: everyone(200) },
  // sign-in and session
  { route: 'GET /api/auth/methods', expect: everyone(200) },
  { route: 'GET /api/auth/oidc/start', label: 'SSO off here: redirect with signin_error', expect: everyone(302) },
  { route: 'GET /api/auth/oidc/callback', label: 'SSO off here: redirect with signin_error', expect: everyone(302) },
  {
    route: 'POST /api/auth/login',
    label: 'wrong password',
    body: (who) => ({ email: `matrix.${who}@eclore.example`, password: 'not the password' }),
    expect: everyone(401),
  },
  { route: 'POST /api/auth/logout', expect: everyone(204) },
  {
    route: 'GET /api/session',
    label: 'a visitor is told "nobody" (204), not refused',
    expect: { ...everyone(200), signedOut: 204 },
  },
  // profile
  { route: 'GET /api/me', expect: signedIn(200) },
  { route: 'PATCH /api/me', body: () => ({ locale: 'fr' }), expect: signedIn(200) },
  // personal data: one's own export (another person's answers 404 like an unknown one)
  { route: 'POST /api/me/data-exports', expect: signedIn(202) },
  { route: 'GET /api/me/data-exports', expect: signedIn(200) },
  {
    route: 'GET /api/me/data-exports/:id',
    label: 'unknown export',
    url: (f) => `/api/me/data-exports/${f.unknownId}`,
    expect: signedIn(404),
  },
  {
    route: 'GET /api/me/data-exports/:id/download',
    label: 'unknown export',
    url: (f) => `/api/me/data-exports/${f.unknownId}/download`,
    expect: signedIn(404),
  },
  // directory and org units
  { route: 'GET /api/people', url: () => '/api/people?q=gi', expect: signedIn(200) },
  { route: 'GET /api/org-units', expect: signedIn(200) },
  {
    route: 'GET /api/org-units/:id/members',
    label: 'unit inside DS',
    url: (f) => `/api/org-units/${f.unit('DS-PREV')}/members`,
    expect: only({ network: 200, hr: 200, admin: 200 }),
  },
  {
    route: 'GET /api/org-units/:id/members',
    label: 'unit outside DS',
    url: (f) => `/api/org-units/${f.unit('DF')}/members`,
    expect: only({ hr: 200, admin: 200 }),
  },
  { route: 'GET /api/headcounts', expect: only({ hr: 200, admin: 200 }) },
  { route: 'GET /api/directory/imports', expect: only({ hr: 200, admin: 200 }) },
  {
    route: 'GET /api/directory/imports/:id',
    label: 'unknown import',
    url: (f) => `/api/directory/imports/${f.unknownId}`,
    expect: only({ hr: 404, admin: 404 }),
  },
  { route: 'POST /api/directory/imports', label: 'no file attached', expect: only({ hr: 400, admin: 400 }) },
  // administration
  { route: 'GET /api/admin/people', expect: only({ admin: 200 }) },
  {
    route: 'GET /api/admin/people/:id',
    label: 'unknown person',
    url: (f) => `/api/admin/people/${f.unknownId}`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/people/:id/roles',
    label: 'unknown person',
    url: (f) => `/api/admin/people/${f.unknownId}/roles`,
    body: () => ({ role: 'hr', scope: { kind: 'organisation' } }),
    expect: only({ admin: 404 }),
  },
  {
    route: 'DELETE /api/admin/role-grants/:grantId',
    label: 'unknown grant',
    url: (f) => `/api/admin/role-grants/${f.unknownId}`,
    expect: only({ admin: 404 }),
  },
  { route: 'GET /api/admin/role-requests', expect: only({ admin: 200 }) },
  {
    route: 'POST /api/admin/role-requests/:requestId/approve',
    label: 'unknown request',
    url: (f) => `/api/admin/role-requests/${f.unknownId}/approve`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/role-requests/:requestId/reject',
    label: 'unknown request',
    url: (f) => `/api/admin/role-requests/${f.unknownId}/reject`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/people/:id/deactivate',
    label: 'unknown person',
    url: (f) => `/api/admin/people/${f.unknownId}/deactivate`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/people/:id/erase',
    label: 'unknown person',
    url: (f) => `/api/admin/people/${f.unknownId}/erase`,
    body: () => ({ confirmName: 'Nobody' }),
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/people/:id/reactivate',
    label: 'unknown person',
    url: (f) => `/api/admin/people/${f.unknownId}/reactivate`,
    expect: only({ admin: 404 }),
  },
  { route: 'GET /api/admin/audit', expect: only({ admin: 200 }) },
  { route: 'GET /api/admin/audit/chain', expect: only({ admin: 200 }) },
  // notifications: one's own centre and preferences; the unsubscribe link is public (opaque token)
  { route: 'GET /api/notifications', expect: signedIn(200) },
  { route: 'GET /api/notifications/unread-count', expect: signedIn(200) },
  { route: 'POST /api/notifications/read', body: () => ({ ids: ['1'] }), expect: signedIn(200) },
  { route: 'POST /api/notifications/read-all', expect: signedIn(200) },
  { route: 'GET /api/notifications/unsubscribe', label: 'no token', expect: everyone(400) },
  { route: 'POST /api/notifications/unsubscribe', label: 'no token', expect: everyone(400) },
  { route: 'GET /api/me/notification-preferences', expect: signedIn(200) },
  { route: 'PUT /api/me/notification-preferences', body: () => ({ preferences: [] }), expect: signedIn(200) },
  // notifications: organisation defaults, deliveries and the test clock (admins only)
  { route: 'GET /api/admin/notification-defaults', expect: only({ admin: 200 }) },
  { route: 'PUT /api/admin/notification-defaults', body: () => ({ preferences: [] }), expect: only({ admin: 200 }) },
  { route: 'GET /api/admin/deliveries', expect: only({ admin: 200 }) },
  {
    route: 'POST /api/admin/deliveries/:id/replay',
    label: 'unknown delivery',
    url: (f) => `/api/admin/deliveries/${f.unknownId}/replay`,
    expect: only({ admin: 404 }),
  },
  { route: 'POST /api/admin/digests/run', label: 'empty body', body: () => ({}), expect: only({ admin: 400 }) },
  // outgoing webhooks (admins only)
  { route: 'GET /api/admin/webhooks', expect: only({ admin: 200 }) },
  { route: 'POST /api/admin/webhooks', label: 'empty body', body: () => ({}), expect: only({ admin: 400 }) },
  {
    route: 'PATCH /api/admin/webhooks/:id',
    label: 'unknown webhook',
    url: (f) => `/api/admin/webhooks/${f.unknownId}`,
    body: () => ({ active: false }),
    expect: only({ admin: 404 }),
  },
  {
    route: 'DELETE /api/admin/webhooks/:id',
    label: 'unknown webhook',
    url: (f) => `/api/admin/webhooks/${f.unknownId}`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/webhooks/:id/test',
    label: 'unknown webhook',
    url: (f) => `/api/admin/webhooks/${f.unknownId}/test`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'GET /api/admin/webhooks/:id/deliveries',
    label: 'unknown webhook',
    url: (f) => `/api/admin/webhooks/${f.unknownId}/deliveries`,
    expect: only({ admin: 404 }),
  },
  {
    route: 'POST /api/admin/webhook-deliveries/:id/replay',
    label: 'unknown delivery',
    url: (f) => `/api/admin/webhook-deliveries/${f.unknownId}/replay`,
    expect: only({ admin: 404 }),
  },
  // campaigns (the network member is scoped to DS: an unknown campaign is a 404 before any scope question)
  { route: 'GET /api/campaigns', expect: signedIn(200) },
  {
    route: 'GET /api/campaigns/:id',
    label: 'unknown campaign',
    url: (f) => `/api/campaigns/${f.unknownId}`,
    expect: signedIn(404),
  },
  { route: 'POST /api/campaigns', label: 'empty body', body: () => ({}), expect: only({ network: 400, admin: 400 }) },
  {
    route: 'PATCH /api/campaigns/:id',
    label: 'unknown campaign',
    url: (f) => `/api/campaigns/${f.unknownId}`,
    body: () => ({ title: 'Matrix' }),
    expect: only({ network: 404, admin: 404 }),
  },
  {
    route: 'PUT /api/campaigns/:id/phases',
    label: 'unknown campaign',
    url: (f) => `/api/campaigns/${f.unknownId}/phases`,
    body: () => ({ phases: [] }),
    expect: only({ network: 404, admin: 404 }),
  },
  {
    route: 'POST /api/campaigns/:id/archive',
    label: 'unknown campaign',
    url: (f) => `/api/campaigns/${f.unknownId}/archive`,
    expect: only({ network: 404, admin: 404 }),
  },
  // campaign announcements (campaign managers of the whole audience; announcing twice is the same announcement)
  {
    route: 'GET /api/campaigns/:id/announcement',
    label: 'audience in scope',
    url: (f) => `/api/campaigns/${f.campaign.inScope}/announcement`,
    expect: only({ network: 200, admin: 200 }),
  },
  {
    route: 'GET /api/campaigns/:id/announcement',
    label: 'audience outside the network member’s scope',
    url: (f) => `/api/campaigns/${f.campaign.outside}/announcement`,
    expect: only({ admin: 200 }),
  },
  {
    route: 'POST /api/campaigns/:id/announcement',
    label: 'audience in scope',
    url: (f) => `/api/campaigns/${f.campaign.inScope}/announcement`,
    expect: only({ network: 200, admin: 200 }),
  },
  {
    route: 'POST /api/campaigns/:id/announcement',
    label: 'unknown campaign',
    url: (f) => `/api/campaigns/${f.unknownId}/announcement`,
    expect: signedIn(404),
  },
  // ideas: emerge and collect (object-level routes: an unknown idea is 404 for every signed-in person)
  { route: 'POST /api/ideas', label: 'empty body', body: () => ({}), expect: signedIn(400) },
  { route: 'GET /api/themes', expect: signedIn(200) },
  { route: 'GET /api/me/ideas', expect: signedIn(200) },
  { route: 'GET /api/intake', expect: only({ network: 200 }) },
  // answer-time guarantee: due dates for whoever reads the idea, the late list for the network, settings for admins
  {
    route: 'GET /api/ideas/:id/deadlines',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/deadlines`,
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ideas/:id/deadlines',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/deadlines`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  { route: 'GET /api/deadlines/late', expect: only({ network: 200 }) },
  // recognition: one's own contributions; credit shares read with the idea, changed by the network in scope
  { route: 'GET /api/me/contributions', expect: signedIn(200) },
  { route: 'GET /api/me/contributions.pdf', expect: signedIn(200) },
  // claiming one's anonymous contributions: anyone for their own (nothing to claim here), the guardian decides
  {
    route: 'POST /api/me/contribution-claims',
    label: 'no anonymous contribution of theirs on that idea',
    body: (_who, f) => ({ ideaId: f.idea.published }),
    expect: signedIn(409),
  },
  { route: 'GET /api/me/contribution-claims', expect: signedIn(200) },
  { route: 'GET /api/contribution-claims', expect: only({ guardian: 200 }) },
  {
    route: 'POST /api/contribution-claims/:id/grant',
    label: 'unknown claim',
    url: (f) => `/api/contribution-claims/${f.unknownId}/grant`,
    expect: only({ guardian: 404 }),
  },
  {
    route: 'POST /api/contribution-claims/:id/refuse',
    label: 'unknown claim',
    url: (f) => `/api/contribution-claims/${f.unknownId}/refuse`,
    body: () => ({ reason: 'Cela désignerait une co-autrice.' }),
    expect: only({ guardian: 404 }),
  },
  {
    route: 'GET /api/ideas/:id/credit-shares',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/credit-shares`,
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ideas/:id/credit-shares',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/credit-shares`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  {
    route: 'PUT /api/ideas/:id/credit-shares',
    label: 'idea in the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.published}/credit-shares`,
    body: () => ({ authors: 50, team: 30, network: 20, reason: 'The network carried the pilot.' }),
    expect: only({ network: 200 }),
  },
  {
    route: 'PUT /api/ideas/:id/credit-shares',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/credit-shares`,
    body: () => ({ authors: 50, team: 30, network: 20, reason: 'The network carried the pilot.' }),
    expect: signedIn(403),
  },
  {
    route: 'PUT /api/ideas/:id/credit-shares',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/credit-shares`,
    body: () => ({ authors: 50, team: 30, network: 20, reason: 'x' }),
    expect: signedIn(404),
  },
  // the recognition workflow: recognisers are HR and admins here (a network lead within their scope:
  // recognition-workflow.int-spec.ts); bodies are invalid so no line changes the state another reads
  {
    route: 'GET /api/recognitions',
    url: () => '/api/recognitions?status=due',
    expect: only({ hr: 200, admin: 200 }),
  },
  {
    route: 'POST /api/recognitions/:id/record',
    url: (f) => `/api/recognitions/${f.recognition.due}/record`,
    body: () => ({ form: 'thanks_letter', message: '', isPublic: false }),
    expect: only({ hr: 400, admin: 400 }),
  },
  {
    route: 'POST /api/recognitions/:id/dismiss',
    url: (f) => `/api/recognitions/${f.recognition.due}/dismiss`,
    body: () => ({ reason: '' }),
    expect: only({ hr: 400, admin: 400 }),
  },
  {
    route: 'POST /api/recognitions/:id/decline-public',
    label: 'the employee’s recorded recognition',
    url: (f) => `/api/recognitions/${f.recognition.recorded}/decline-public`,
    expect: only({ employee: 200 }),
  },
  {
    route: 'GET /api/recognitions/:id/certificate.pdf',
    label: 'the employee’s recorded recognition',
    url: (f) => `/api/recognitions/${f.recognition.recorded}/certificate.pdf`,
    expect: only({ employee: 200, hr: 200, admin: 200 }),
  },
  { route: 'GET /api/me/recognitions', expect: signedIn(200) },
  {
    route: 'GET /api/ideas/:id/recognitions',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/recognitions`,
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ideas/:id/recognitions',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/recognitions`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  { route: 'GET /api/recognition-settings', expect: only({ hr: 200, admin: 200 }) },
  {
    route: 'PUT /api/recognition-settings',
    body: () => ({ milestones: ['idea_accepted', 'implemented', 'impact_validated', 'replicated'] }),
    expect: only({ hr: 200, admin: 200 }),
  },
  // the annual report's figures: HR and admins (a network lead within their scope: annual-figures.int-spec.ts)
  {
    route: 'GET /api/recognition/annual-figures',
    label: 'whole organisation',
    url: () => `/api/recognition/annual-figures?year=${new Date().getUTCFullYear()}`,
    expect: only({ hr: 200, admin: 200 }),
  },
  {
    route: 'GET /api/recognition/annual-figures',
    label: 'one direction',
    url: (f) => `/api/recognition/annual-figures?year=${new Date().getUTCFullYear() - 1}&orgUnitId=${f.unit('DS')}`,
    expect: only({ hr: 200, admin: 200 }),
  },
  // the annual report's runs: HR and admins (a network lead within their scope: annual-report.int-spec.ts);
  // asking again while a run of the year and scope is queued answers it (HR starts it: 202, the admin gets it: 200)
  {
    route: 'POST /api/recognition/annual-reports',
    body: () => ({ year: new Date().getUTCFullYear() - 1 }),
    expect: only({ hr: 202, admin: 200 }),
  },
  { route: 'GET /api/recognition/annual-reports', expect: only({ hr: 200, admin: 200 }) },
  {
    route: 'GET /api/recognition/annual-reports/:id',
    label: 'unknown run',
    url: (f) => `/api/recognition/annual-reports/${f.unknownId}`,
    expect: only({ hr: 404, admin: 404 }),
  },
  {
    route: 'GET /api/recognition/annual-reports/:id/files/:kind',
    label: 'a link not signed: the link is the authority, for everyone alike',
    url: (f) => `/api/recognition/annual-reports/${f.unknownId}/files/xlsx?expires=4102444800&signature=forged`,
    expect: everyone(403),
  },
  // the charter: read by the report's readers, changed by HR and admins
  { route: 'GET /api/recognition/charter', expect: only({ hr: 200, admin: 200 }) },
  {
    route: 'PUT /api/recognition/charter',
    body: () => ({
      commitments: DEFAULT_CHARTER.map((c) => ({ key: c.key, title: c.title, indicators: [...c.indicators] })),
    }),
    expect: only({ hr: 200, admin: 200 }),
  },
  {
    route: 'GET /api/recognition/charter-inputs',
    url: () => `/api/recognition/charter-inputs?year=${new Date().getUTCFullYear() - 1}`,
    expect: only({ hr: 200, admin: 200 }),
  },
  {
    route: 'PUT /api/recognition/charter-inputs/:year',
    url: () => `/api/recognition/charter-inputs/${new Date().getUTCFullYear() - 1}`,
    body: () => ({ peopleTrained: 12, communicationActions: 3 }),
    expect: only({ hr: 200, admin: 200 }),
  },
  { route: 'GET /api/admin/answer-time-settings', expect: only({ admin: 200 }) },
  {
    route: 'PUT /api/admin/answer-time-settings',
    body: () => ({ firstAnswerDays: 30, qualificationDays: 60, remindBeforeDays: 5 }),
    expect: only({ admin: 200 }),
  },
  // qualification routing: start (network in scope; the published idea stays visible for the other lines),
  // reviewers of one idea (409 while not in qualification), bulk reassignment, queues, one's own absences
  {
    route: 'POST /api/ideas/:id/start-qualification',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/start-qualification`,
    body: () => ({}),
    expect: only({}),
  },
  {
    route: 'POST /api/ideas/:id/start-qualification',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/start-qualification`,
    body: () => ({}),
    expect: signedIn(404),
  },
  {
    route: 'GET /api/ideas/:id/assignments',
    label: 'idea in scope',
    url: (f) => `/api/ideas/${f.idea.published}/assignments`,
    expect: only({ network: 200 }),
  },
  {
    route: 'GET /api/ideas/:id/assignments',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/assignments`,
    expect: only({}),
  },
  {
    route: 'POST /api/ideas/:id/assignments',
    label: 'idea in scope, not in qualification',
    url: (f) => `/api/ideas/${f.idea.published}/assignments`,
    body: (_who, f) => ({ personId: f.unknownId }),
    expect: only({ network: 409 }),
  },
  {
    route: 'POST /api/ideas/:id/assignments',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/assignments`,
    body: (_who, f) => ({ personId: f.unknownId }),
    expect: only({}),
  },
  {
    route: 'DELETE /api/ideas/:id/assignments/:personId',
    label: 'idea in scope, not in qualification',
    url: (f) => `/api/ideas/${f.idea.published}/assignments/${f.unknownId}`,
    expect: only({ network: 409 }),
  },
  {
    route: 'DELETE /api/ideas/:id/assignments/:personId',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/assignments/${f.unknownId}`,
    expect: only({}),
  },
  {
    route: 'POST /api/assignments/reassign',
    label: 'unknown members',
    body: (_who, f) => ({ fromPersonId: f.unknownId, toPersonId: '00000000-0000-4000-8000-000000000001' }),
    expect: only({ network: 400 }),
  },
  { route: 'GET /api/me/review-queue', expect: only({ network: 200 }) },
  { route: 'GET /api/review-queue/network', expect: only({ network: 200 }) },
  { route: 'GET /api/me/absences', expect: only({ network: 200 }) },
  { route: 'POST /api/me/absences', label: 'empty body', body: () => ({}), expect: only({ network: 400 }) },
  {
    route: 'DELETE /api/me/absences/:id',
    label: 'unknown absence',
    url: (f) => `/api/me/absences/${f.unknownId}`,
    expect: only({ network: 404 }),
  },
  // private notes: network and committee in scope only (never employees, HR, admins, the guardian)
  {
    route: 'GET /api/ideas/:id/private-notes',
    label: 'idea in the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.published}/private-notes`,
    expect: only({ network: 200, committee: 200 }),
  },
  {
    route: 'GET /api/ideas/:id/private-notes',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/private-notes`,
    expect: only({ committee: 200 }),
  },
  {
    route: 'GET /api/ideas/:id/private-notes',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/private-notes`,
    expect: signedIn(404),
  },
  {
    route: 'POST /api/ideas/:id/private-notes',
    label: 'idea in the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.published}/private-notes`,
    body: () => ({ bodyHtml: '<p>Matrix</p>' }),
    expect: only({ network: 201, committee: 201 }),
  },
  {
    route: 'POST /api/ideas/:id/private-notes',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/private-notes`,
    body: () => ({ bodyHtml: '<p>Matrix</p>' }),
    expect: only({ committee: 201 }),
  },
  // criteria sets and scorecards (apps/api/src/qualification/scorecards.int-spec.ts for the rules)
  { route: 'GET /api/criteria-sets/default', expect: only({ network: 200, committee: 200, admin: 200 }) },
  {
    route: 'PUT /api/criteria-sets/default',
    label: 'a network member scoped to a unit may not change the organisation’s default',
    body: () => ({ criteria: DEFAULT_CRITERIA }),
    expect: only({ admin: 200 }),
  },
  {
    route: 'GET /api/campaigns/:id/criteria-set',
    url: (f) => `/api/campaigns/${f.campaign.inScope}/criteria-set`,
    expect: only({ network: 200, committee: 200, admin: 200 }),
  },
  ...(['inScope', 'outside'] as const).flatMap((which): Row[] => [
    {
      route: 'PUT /api/campaigns/:id/criteria-set',
      label: `campaign ${which === 'inScope' ? 'for DS-SOINS' : 'for DF: out of scope'}`,
      url: (f) => `/api/campaigns/${f.campaign[which]}/criteria-set`,
      body: () => ({ criteria: DEFAULT_CRITERIA }),
      expect: only(which === 'inScope' ? { network: 200, admin: 200 } : { admin: 200 }),
    },
    {
      route: 'DELETE /api/campaigns/:id/criteria-set',
      label: `campaign ${which === 'inScope' ? 'for DS-SOINS' : 'for DF: out of scope'}`,
      url: (f) => `/api/campaigns/${f.campaign[which]}/criteria-set`,
      expect: only(which === 'inScope' ? { network: 200, admin: 200 } : { admin: 200 }),
    },
  ]),
  {
    route: 'GET /api/ideas/:id/scorecards',
    label: 'idea in the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.published}/scorecards`,
    expect: only({ network: 200, committee: 200 }),
  },
  {
    route: 'GET /api/ideas/:id/scorecards',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/scorecards`,
    expect: only({ committee: 200 }),
  },
  ...(
    [
      ['PUT /api/ideas/:id/scorecards/me', '/scorecards/me', { user_value: 4 }],
      ['POST /api/ideas/:id/scorecards/me/submit', '/scorecards/me/submit', { ...ALL_FOURS }],
    ] as const
  ).flatMap(([route, suffix, scores]): Row[] => [
    {
      route,
      label: 'assigned reviewer',
      url: (f) => `/api/ideas/${f.scoring}${suffix}`,
      body: () => ({ scores, comment: 'Matrix' }),
      expect: only({ network: 200 }),
    },
    {
      route,
      label: 'in scope but not assigned',
      url: (f) => `/api/ideas/${f.idea.published}${suffix}`,
      body: () => ({ scores, comment: 'Matrix' }),
      expect: only({}),
    },
  ]),
  // outcomes of qualification (lifecycle commands; state and permission: scorecards.int-spec.ts)
  ...(
    [
      ['POST /api/ideas/:id/qualify', '/qualify', { answer: 'x' }],
      ['POST /api/ideas/:id/request-rework', '/request-rework', { guidance: 'x' }],
      ['POST /api/ideas/:id/decline', '/decline', { rationale: 'x' }],
    ] as const
  ).map(([route, suffix, body]): Row => ({
    route,
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}${suffix}`,
    body: () => body,
    expect: signedIn(404),
  })),
  {
    route: 'POST /api/ideas/:id/decline',
    label: 'idea outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/decline`,
    body: () => ({ rationale: 'Matrix' }),
    expect: only({}),
  },
  // portfolio board (network and committee; the list is scoped, see apps/api/src/portfolio)
  { route: 'GET /api/portfolio', expect: only({ network: 200, committee: 200 }) },
  {
    route: 'GET /api/portfolio/columns/:status',
    url: () => '/api/portfolio/columns/qualify',
    expect: only({ network: 200, committee: 200 }),
  },
  // committee sessions (committee members only; an unknown session is a 404 after the role check;
  // scoped members and decisions: apps/api/src/committee/committee.int-spec.ts)
  { route: 'GET /api/committee/sessions', expect: only({ committee: 200 }) },
  { route: 'GET /api/committee/members', expect: only({ committee: 200 }) },
  { route: 'POST /api/committee/sessions', label: 'empty body', body: () => ({}), expect: only({ committee: 400 }) },
  ...(
    [
      ['GET /api/committee/sessions/:id', '', undefined],
      ['PATCH /api/committee/sessions/:id', '', 'session'],
      ['POST /api/committee/sessions/:id/start', '/start', undefined],
      ['POST /api/committee/sessions/:id/close', '/close', { presentIds: [] }],
      ['GET /api/committee/sessions/:id/suggestions', '/suggestions', undefined],
      ['POST /api/committee/sessions/:id/agenda', '/agenda', 'idea'],
      ['DELETE /api/committee/sessions/:id/agenda/:itemId', '/agenda/unknown', undefined],
      ['PUT /api/committee/sessions/:id/agenda/order', '/agenda/order', { itemIds: [] }],
      ['GET /api/committee/sessions/:id/pack', '/pack', undefined],
      ['GET /api/committee/sessions/:id/prioritisation', '/prioritisation', undefined],
      [
        'POST /api/committee/sessions/:id/agenda/:itemId/decision',
        '/agenda/unknown/decision',
        { kind: 'prototype', rationale: 'x' },
      ],
      ['GET /api/committee/sessions/:id/minutes.pdf', '/minutes.pdf', undefined],
    ] as const
  ).map(([route, suffix, body]): Row => ({
    route,
    label: 'unknown session',
    url: (f) => `/api/committee/sessions/${f.unknownId}${suffix.replace('unknown', f.unknownId)}`,
    ...(body === undefined
      ? {}
      : {
          body: (_who: Who, f: Fixtures) =>
            body === 'session'
              ? {
                  title: 'Séance',
                  scheduledAt: new Date().toISOString(),
                  language: 'fr',
                  memberIds: [f.unknownId],
                  chairId: f.unknownId,
                }
              : body === 'idea'
                ? { ideaId: f.unknownId }
                : body,
        }),
    expect: only({ committee: 404 }),
  })),
  ...(
    [
      ['GET /api/ideas/:id', '', undefined],
      ['PATCH /api/ideas/:id', '', { version: 1 }],
      ['GET /api/ideas/:id/timeline', '/timeline', undefined],
      ['POST /api/ideas/:id/co-authors', '/co-authors', { personId: '00000000-0000-4000-8000-000000000000' }],
      ['POST /api/ideas/:id/co-authors/me/accept', '/co-authors/me/accept', undefined],
      ['POST /api/ideas/:id/co-authors/me/decline', '/co-authors/me/decline', undefined],
      ['POST /api/ideas/:id/submit', '/submit', {}],
      ['POST /api/ideas/:id/withdraw', '/withdraw', {}],
      ['POST /api/ideas/:id/accept', '/accept', {}],
      ['POST /api/ideas/:id/return', '/return', { reason: 'x' }],
    ] as const
  ).map(([route, suffix, body]): Row => ({
    route,
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}${suffix}`,
    ...(body ? { body: () => body } : {}),
    expect: signedIn(404),
  })),
  {
    route: 'POST /api/ideas/:id/reveal-author',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/reveal-author`,
    body: () => ({ reason: 'x' }),
    expect: only({ guardian: 404 }),
  },
  // the wall, similar ideas, links
  { route: 'GET /api/wall', expect: signedIn(200) },
  { route: 'GET /api/ideas/similar', url: () => '/api/ideas/similar?title=velo', expect: signedIn(200) },
  {
    route: 'GET /api/ideas/:id/links',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/links`,
    expect: signedIn(404),
  },
  {
    route: 'POST /api/ideas/:id/links',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/links`,
    body: () => ({ toId: '00000000-0000-4000-8000-000000000000', kind: 'similar' }),
    expect: signedIn(404),
  },
  {
    route: 'DELETE /api/ideas/:id/links/:kind/:toId',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/links/similar/${f.unknownId}`,
    expect: signedIn(404),
  },
  // attachments (object-level: the idea's read and edit policy; details in attachments.int-spec.ts)
  {
    route: 'GET /api/ideas/:id/attachments',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/attachments`,
    expect: signedIn(404),
  },
  {
    route: 'POST /api/ideas/:id/attachments',
    label: 'no file',
    url: (f) => `/api/ideas/${f.unknownId}/attachments`,
    expect: signedIn(400),
  },
  {
    route: 'GET /api/attachments/:id',
    label: 'unknown attachment',
    url: (f) => `/api/attachments/${f.unknownId}`,
    expect: signedIn(404),
  },
  {
    route: 'DELETE /api/attachments/:id',
    label: 'unknown attachment',
    url: (f) => `/api/attachments/${f.unknownId}`,
    expect: signedIn(404),
  },
  // engagement: supports, follows, comments (object-level: the idea policy decides). `published` is a
  // colleague's idea in DS on the wall; `own` is the employee's; `draft` is the employee's draft (which
  // only its author and the anonymity guardian may read).
  {
    route: 'GET /api/ideas/:id/engagement',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/engagement`,
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ideas/:id/engagement',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/engagement`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  {
    route: 'PUT /api/ideas/:id/support',
    label: 'a colleague’s published idea',
    url: (f) => `/api/ideas/${f.idea.published}/support`,
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/ideas/:id/support',
    label: 'own idea: authors do not support it',
    url: (f) => `/api/ideas/${f.idea.own}/support`,
    expect: { ...signedIn(200), employee: 403 },
  },
  {
    route: 'PUT /api/ideas/:id/support',
    label: 'a draft: readable by its author and the guardian, not public',
    url: (f) => `/api/ideas/${f.idea.draft}/support`,
    expect: { ...signedIn(404), employee: 403, guardian: 403 },
  },
  {
    route: 'DELETE /api/ideas/:id/support',
    label: 'a colleague’s published idea',
    url: (f) => `/api/ideas/${f.idea.published}/support`,
    expect: signedIn(200),
  },
  {
    route: 'DELETE /api/ideas/:id/support',
    label: 'own idea',
    url: (f) => `/api/ideas/${f.idea.own}/support`,
    expect: { ...signedIn(200), employee: 403 },
  },
  {
    route: 'PUT /api/ideas/:id/follow',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/follow`,
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/ideas/:id/follow',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/follow`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  {
    route: 'DELETE /api/ideas/:id/follow',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/follow`,
    expect: signedIn(200),
  },
  {
    route: 'DELETE /api/ideas/:id/follow',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/follow`,
    expect: signedIn(404),
  },
  {
    route: 'GET /api/ideas/:id/comments',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/comments`,
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ideas/:id/comments',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/comments`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  {
    route: 'POST /api/ideas/:id/comments',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/comments`,
    body: (who) => ({ bodyHtml: `<p>Matrix comment by ${who}</p>` }),
    expect: signedIn(201),
  },
  {
    route: 'POST /api/ideas/:id/comments',
    label: 'the employee’s draft: not public',
    url: (f) => `/api/ideas/${f.idea.draft}/comments`,
    body: () => ({ bodyHtml: '<p>Matrix comment</p>' }),
    expect: { ...signedIn(404), employee: 403, guardian: 403 },
  },
  // "comment adopted": the idea's authors only (the employee on their own idea), on a comment someone
  // else wrote; everyone else who reads the idea is refused (not_author), whatever their role.
  {
    route: 'PUT /api/ideas/:id/comments/:commentId/adoption',
    label: 'a colleague’s comment on the employee’s idea',
    url: (f) => `/api/ideas/${f.idea.own}/comments/${f.commentOnOwn}/adoption`,
    expect: only({ employee: 200 }),
  },
  {
    route: 'PUT /api/ideas/:id/comments/:commentId/adoption',
    label: 'unknown comment on the employee’s idea',
    url: (f) => `/api/ideas/${f.idea.own}/comments/${f.unknownId}/adoption`,
    expect: only({ employee: 404 }),
  },
  {
    route: 'DELETE /api/ideas/:id/comments/:commentId/adoption',
    label: 'a colleague’s comment on the employee’s idea',
    url: (f) => `/api/ideas/${f.idea.own}/comments/${f.commentOnOwn}/adoption`,
    expect: only({ employee: 200 }),
  },
  {
    route: 'DELETE /api/ideas/:id/comments/:commentId/adoption',
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}/comments/${f.commentOnOwn}/adoption`,
    expect: signedIn(404),
  },
  // merging duplicates (network members within their scope). Merging an idea into itself is refused by
  // validation only after the permission check, so the line measures permission without merging.
  {
    route: 'POST /api/ideas/:id/merge',
    label: 'DS idea into itself: the DS network member gets to validation',
    url: (f) => `/api/ideas/${f.idea.published}/merge`,
    body: (_who, f) => ({ targetId: f.idea.published, reason: 'Matrix' }),
    expect: only({ network: 400 }),
  },
  {
    route: 'POST /api/ideas/:id/merge',
    label: 'DF idea: outside the network member’s scope',
    url: (f) => `/api/ideas/${f.idea.outside}/merge`,
    body: (_who, f) => ({ targetId: f.idea.outside, reason: 'Matrix' }),
    expect: only({}),
  },
  {
    route: 'POST /api/ideas/:id/merge',
    label: 'the employee’s draft: no merge from a draft; unknown to those who cannot read it',
    url: (f) => `/api/ideas/${f.idea.draft}/merge`,
    body: (_who, f) => ({ targetId: f.idea.draft, reason: 'Matrix' }),
    expect: { ...signedIn(404), employee: 409, guardian: 409 },
  },
  // moderation (reporting: anyone who may read the content; the queue and its resolutions: the network
  // member within scope)
  {
    route: 'POST /api/reports',
    label: 'published idea',
    body: (_who, f) => ({ targetType: 'idea', targetId: f.idea.published, reason: 'Matrix report' }),
    expect: signedIn(201),
  },
  {
    route: 'POST /api/reports',
    label: 'the employee’s draft: nothing to report for those who cannot read it',
    body: (_who, f) => ({ targetType: 'idea', targetId: f.idea.draft, reason: 'Matrix report' }),
    expect: { ...signedIn(404), employee: 201, guardian: 201 },
  },
  { route: 'GET /api/moderation/reports', expect: only({ network: 200 }) },
  {
    route: 'POST /api/moderation/reports/:id/hide',
    label: 'report on a DS idea',
    url: (f) => `/api/moderation/reports/${f.report.toHide}/hide`,
    body: () => ({ reason: 'Matrix' }),
    expect: only({ network: 200 }),
  },
  {
    route: 'POST /api/moderation/reports/:id/hide',
    label: 'report on a DF idea: out of scope',
    url: (f) => `/api/moderation/reports/${f.report.outside}/hide`,
    body: () => ({ reason: 'Matrix' }),
    expect: only({}),
  },
  {
    route: 'POST /api/moderation/reports/:id/dismiss',
    label: 'report on a DS idea',
    url: (f) => `/api/moderation/reports/${f.report.toDismiss}/dismiss`,
    expect: only({ network: 200 }),
  },
  {
    route: 'POST /api/moderation/reports/:id/dismiss',
    label: 'report on a DF idea: out of scope',
    url: (f) => `/api/moderation/reports/${f.report.outside}/dismiss`,
    expect: only({}),
  },
  {
    route: 'POST /api/moderation/reports/:id/dismiss',
    label: 'unknown report',
    url: (f) => `/api/moderation/reports/${f.unknownId}/dismiss`,
    expect: signedIn(404),
  },
  // lifecycle commands after the decision (issue 13): the transition table decides once the idea is loaded
  ...(
    [
      ['POST /api/ideas/:id/stop', '/stop', { learnings: 'x' }],
      ['POST /api/ideas/:id/resume', '/resume', {}],
      ['POST /api/ideas/:id/complete-implementation', '/complete-implementation', {}],
      ['POST /api/ideas/:id/close', '/close', {}],
    ] as const
  ).map(([route, suffix, body]): Row => ({
    route,
    label: 'unknown idea',
    url: (f) => `/api/ideas/${f.unknownId}${suffix}`,
    body: () => body,
    expect: signedIn(404),
  })),
  {
    route: 'POST /api/ideas/:id/close',
    label: 'published idea, not in follow-up: the state refuses before the role',
    url: (f) => `/api/ideas/${f.idea.published}/close`,
    body: () => ({}),
    expect: signedIn(409),
  },
  // the return to the field (docs/realisation.md §5): reviews for readers of the idea, answers by the
  // owner and the authors, the person's own list, the late list for the network, settings for admins
  {
    route: 'GET /api/ideas/:id/field-reviews',
    label: 'published idea',
    url: (f) => `/api/ideas/${f.idea.published}/field-reviews`,
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ideas/:id/field-reviews',
    label: 'the employee’s draft',
    url: (f) => `/api/ideas/${f.idea.draft}/field-reviews`,
    expect: { ...signedIn(404), employee: 200, guardian: 200 },
  },
  { route: 'GET /api/field-reviews/mine', expect: signedIn(200) },
  { route: 'GET /api/field-reviews/late', expect: only({ network: 200 }) },
  {
    route: 'POST /api/field-reviews/:id/answer',
    label: 'unknown review',
    url: (f) => `/api/field-reviews/${f.unknownId}/answer`,
    body: () => ({ whatHappened: 'x', unexpected: 'y', whoUsesIt: 'z' }),
    expect: signedIn(404),
  },
  { route: 'GET /api/admin/field-reviews/settings', expect: only({ admin: 200 }) },
  {
    route: 'PUT /api/admin/field-reviews/settings',
    body: () => ({ monthsAfterGoLive: [3, 12], remindAfterDays: 7, lateAfterDays: 14 }),
    expect: only({ admin: 200 }),
  },
  {
    route: 'POST /api/admin/field-reviews/:id/make-due',
    label: 'unknown review (the test clock exists under NODE_ENV=test only)',
    url: (f) => `/api/admin/field-reviews/${f.unknownId}/make-due`,
    expect: only({ admin: 404 }),
  },
  // impact (object level in the handler: owner, team, network in scope; the rules and each role on a
  // real project: libs/server/realisation/src/impact/*.int-spec.ts and apps/api/src/impact)
  { route: 'GET /api/ideas/:id/impact', url: (f) => `/api/ideas/${f.idea.published}/impact`, expect: signedIn(200) },
  {
    route: 'POST /api/impact/projects/:id/indicators',
    label: 'unknown project',
    url: (f) => `/api/impact/projects/${f.unknownId}/indicators`,
    body: () => ({ category: 'other', label: 'x', unit: 'u', projectedValue: 1, projectedOn: '2030-01-01' }),
    expect: signedIn(404),
  },
  {
    route: 'PUT /api/impact/indicators/:id',
    label: 'unknown indicator',
    url: (f) => `/api/impact/indicators/${f.unknownId}`,
    body: () => ({
      category: 'other',
      label: 'x',
      unit: 'u',
      projectedValue: 1,
      projectedOn: '2030-01-01',
      version: 1,
    }),
    expect: signedIn(404),
  },
  {
    route: 'DELETE /api/impact/indicators/:id',
    label: 'unknown indicator',
    url: (f) => `/api/impact/indicators/${f.unknownId}`,
    expect: signedIn(404),
  },
  {
    route: 'POST /api/impact/indicators/:id/measurements',
    label: 'unknown indicator',
    url: (f) => `/api/impact/indicators/${f.unknownId}/measurements`,
    body: () => ({ value: 1, measuredOn: '2026-01-01', source: 'x', confidence: 'measured' }),
    expect: signedIn(404),
  },
  {
    route: 'POST /api/impact/measurements/:id/validate',
    label: 'unknown measurement: network members reach the handler',
    url: (f) => `/api/impact/measurements/${f.unknownId}/validate`,
    expect: only({ network: 404 }),
  },
  {
    route: 'GET /api/impact/rollups',
    url: () => '/api/impact/rollups?by=unit',
    expect: only({ network: 200, committee: 200, hr: 200, admin: 200 }),
  },
  // The implementation project (issue 13). The fixture idea is published but not in implement, so
  // whoever passes the policy meets the state's refusal (409), never a 401/403.
  ...realisationProjectRows(),
  // the idea team (issue 13; the rules: libs/server/realisation/src/team/team.int-spec.ts). On a
  // published idea without a team: anyone reads it; only the network in scope invites or names a lead.
  { route: 'GET /api/ideas/:id/team', url: (f) => `/api/ideas/${f.idea.published}/team`, expect: signedIn(200) },
  {
    route: 'POST /api/ideas/:id/team/invitations',
    label: 'an unknown person: the network in scope reaches the check',
    url: (f) => `/api/ideas/${f.idea.published}/team/invitations`,
    body: (_who, f) => ({ personId: f.unknownId }),
    expect: only({ network: 400 }),
  },
  {
    route: 'DELETE /api/ideas/:id/team/invitations/:invitationId',
    label: 'unknown invitation',
    url: (f) => `/api/ideas/${f.idea.published}/team/invitations/${f.unknownId}`,
    expect: only({ network: 404 }),
  },
  {
    route: 'PUT /api/ideas/:id/team/lead',
    label: 'not a member: the network in scope reaches the check',
    url: (f) => `/api/ideas/${f.idea.published}/team/lead`,
    body: (_who, f) => ({ personId: f.unknownId }),
    expect: only({ network: 400 }),
  },
  {
    route: 'POST /api/ideas/:id/team/join',
    label: 'the author’s own idea, which has no team yet: the author reaches the check',
    url: (f) => `/api/ideas/${f.idea.own}/team/join`,
    expect: only({ employee: 409 }),
  },
  {
    route: 'POST /api/ideas/:id/team/leave',
    label: 'nobody is in this idea’s team',
    url: (f) => `/api/ideas/${f.idea.published}/team/leave`,
    expect: signedIn(403),
  },
  { route: 'GET /api/team-invitations/mine', expect: signedIn(200) },
  {
    route: 'POST /api/team-invitations/:id/accept',
    label: 'unknown invitation',
    url: (f) => `/api/team-invitations/${f.unknownId}/accept`,
    expect: signedIn(404),
  },
  {
    route: 'POST /api/team-invitations/:id/decline',
    label: 'unknown invitation',
    url: (f) => `/api/team-invitations/${f.unknownId}/decline`,
    expect: signedIn(404),
  },
  // the experiment (rules: libs/server/realisation/src/experiment/experiment.int-spec.ts). A published
  // idea without a team: anyone reads it; only the network in scope reaches the writes (then 400/404/409).
  {
    route: 'GET /api/ideas/:id/experiment',
    url: (f) => `/api/ideas/${f.idea.published}/experiment`,
    expect: signedIn(200),
  },
  {
    route: 'POST /api/ideas/:id/experiment',
    label: 'empty body',
    url: (f) => `/api/ideas/${f.idea.published}/experiment`,
    body: () => ({}),
    expect: signedIn(400),
  },
  {
    route: 'PUT /api/ideas/:id/experiment',
    label: 'empty body',
    url: (f) => `/api/ideas/${f.idea.published}/experiment`,
    body: () => ({}),
    expect: signedIn(400),
  },
  {
    route: 'POST /api/ideas/:id/experiment/log-entries',
    label: 'no experiment yet: the network in scope reaches the lookup',
    url: (f) => `/api/ideas/${f.idea.published}/experiment/log-entries`,
    body: () => ({ bodyHtml: '<p>Matrix</p>', occurredOn: '2026-01-05' }),
    expect: only({ network: 404 }),
  },
  {
    route: 'PUT /api/ideas/:id/experiment/log-entries/:entryId',
    label: 'no experiment yet',
    url: (f) => `/api/ideas/${f.idea.published}/experiment/log-entries/${f.unknownId}`,
    body: () => ({ bodyHtml: '<p>Matrix</p>', occurredOn: '2026-01-05' }),
    expect: only({ network: 404 }),
  },
  {
    route: 'POST /api/ideas/:id/experiment/outcome',
    label: 'no experiment yet',
    url: (f) => `/api/ideas/${f.idea.published}/experiment/outcome`,
    body: () => ({ outcome: 'validated' }),
    expect: only({ network: 404 }),
  },
];

function realisationProjectRows(): Row[] {
  const onIdea = (path: string) => (f: Fixtures) => `/api/ideas/${f.idea.published}${path}`;
  const manage = { network: 409 };
  return [
    { route: 'GET /api/ideas/:id/project', url: onIdea('/project'), expect: signedIn(200) },
    {
      route: 'POST /api/ideas/:id/project',
      label: 'idea in the network member’s scope',
      url: onIdea('/project'),
      body: (_w, f) => ({ ownerId: f.unknownId }),
      expect: only({ network: 409, committee: 409 }),
    },
    {
      route: 'POST /api/ideas/:id/project',
      label: 'idea outside the network member’s scope',
      url: (f) => `/api/ideas/${f.idea.outside}/project`,
      body: (_w, f) => ({ ownerId: f.unknownId }),
      expect: only({ committee: 409 }),
    },
    {
      route: 'PUT /api/ideas/:id/project/owner',
      url: onIdea('/project/owner'),
      body: (_w, f) => ({ ownerId: f.unknownId }),
      expect: only({ network: 404, committee: 404 }),
    },
    {
      route: 'PATCH /api/ideas/:id/project',
      url: onIdea('/project'),
      body: () => ({ budgetPlanned: 1 }),
      expect: only(manage),
    },
    {
      route: 'POST /api/ideas/:id/project/milestones',
      url: onIdea('/project/milestones'),
      body: () => ({ title: 'Matrix', weight: 1, dueOn: '2030-01-01' }),
      expect: only(manage),
    },
    {
      route: 'PATCH /api/ideas/:id/project/milestones/:milestoneId',
      url: (f) => `/api/ideas/${f.idea.published}/project/milestones/${f.unknownId}`,
      body: () => ({ version: 1, progress: 10 }),
      expect: only(manage),
    },
    {
      route: 'DELETE /api/ideas/:id/project/milestones/:milestoneId',
      url: (f) => `/api/ideas/${f.idea.published}/project/milestones/${f.unknownId}?version=1`,
      expect: only(manage),
    },
    {
      route: 'POST /api/ideas/:id/project/updates',
      url: onIdea('/project/updates'),
      body: () => ({ bodyHtml: '<p>Matrix</p>' }),
      expect: only(manage),
    },
    {
      route: 'POST /api/ideas/:id/project/budget-lines',
      url: onIdea('/project/budget-lines'),
      body: () => ({ label: 'Matrix', amount: 1, spentOn: '2030-01-01' }),
      expect: only(manage),
    },
    // The lifecycle refuses a go-live from this status before it asks who.
    {
      route: 'POST /api/ideas/:id/complete-implementation',
      url: onIdea('/complete-implementation'),
      expect: signedIn(409),
    },
    { route: 'GET /api/ideas/:id/lineage', url: onIdea('/lineage'), expect: signedIn(200) },
    {
      route: 'POST /api/ideas/:id/replications',
      label: 'adopting unit in the network member’s scope',
      url: onIdea('/replications'),
      body: (_w, f) => ({ orgUnitId: f.unit('DS-SOINS'), ownerId: f.unknownId }),
      expect: only({ network: 409 }),
    },
    {
      route: 'POST /api/ideas/:id/replications',
      label: 'adopting unit outside the network member’s scope',
      url: onIdea('/replications'),
      body: (_w, f) => ({ orgUnitId: f.unit('DF'), ownerId: f.unknownId }),
      expect: only({}),
    },
  ];
}

describe('authorization matrix: every route × every kind of person', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: NestExpressApplication;
  let fixtures: Fixtures;
  const personIds = new Map<Who, string>();
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase('matrix');
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('matrix'),
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1:3000',
    });
    app = await createApiApp({ logger: false });
    await app.init();
    const ds = app.get(DataSource);
    await seed(ds);
    const units = new Map((await ds.getRepository(OrgUnit).find()).map((u) => [u.code, u.id]));
    for (const [who, familyName] of Object.entries(PEOPLE) as [Exclude<Who, 'signedOut'>, string][]) {
      personIds.set(who, (await ds.getRepository(Person).findOneByOrFail({ familyName })).id);
    }
    // Object-level lines: ideas in DS (the network member's scope) and DF, by colleagues who are none of
    // the people above, and two by the employee; reports filed by another colleague.
    const people = ds.getRepository(Person);
    const employee = await people.findOneByOrFail({ familyName: PEOPLE.employee });
    const dsColleague = await people.findOneByOrFail({ familyName: 'Pittet' });
    const dfColleague = await people.findOneByOrFail({ familyName: 'Perret' });
    const ds_ = await ds.getRepository(OrgUnit).findOneByOrFail({ code: 'DS' });
    const df = await ds.getRepository(OrgUnit).findOneByOrFail({ code: 'DF' });
    const idea = async (author: Person, unit: OrgUnit, published = true) =>
      (await makeIdea(ds, { authors: [author], unit, status: published ? 'visible' : 'emerge' })).id;
    const campaignFor = async (code: string) => {
      const campaign = await makeCampaign(ds, { createdBy: dsColleague, phase: { supports: true, comments: true } });
      await ds.getRepository(Campaign).update({ id: campaign.id }, { audienceOrgUnitIds: [units.get(code)!] });
      return campaign.id;
    };
    const assigned = async (author: Person, unit: OrgUnit, reviewerId: string) => {
      const row = await makeIdea(ds, { authors: [author], unit, status: 'qualify' });
      await ds.getRepository(QualificationAssignment).insert({
        ideaId: row.id,
        personId: reviewerId,
        assignedBy: null,
        assignedAt: new Date(),
        endedAt: null,
        endReason: null,
      });
      return row.id;
    };
    const reportOn = async (targetId: string) =>
      (
        await ds.getRepository(ContentReport).save({
          targetType: 'idea' as const,
          targetId,
          reporterId: dsColleague.id,
          reason: 'Matrix report',
        })
      ).id;
    const recognitionsOf = async (person: Person, recogniserId: string, ideaId: string) => {
      const [due, recorded] = (await ds.query(
        `INSERT INTO recognition (idea_id, milestone, person_id, status, form, message, is_public, recorded_by, recorded_at)
         VALUES ($1, 'idea_accepted', $2, 'due', NULL, NULL, false, NULL, NULL),
                ($1, 'implemented', $2, 'recorded', 'thanks_letter', 'Merci !', true, $3, now())
         RETURNING id`,
        [ideaId, person.id, recogniserId],
      )) as { id: string }[];
      return { due: due!.id, recorded: recorded!.id };
    };
    fixtures = {
      unit: (code) => units.get(code) ?? fail(`no unit ${code} in the demo organisation`),
      unknownId: '00000000-0000-4000-8000-000000000000',
      idea: {
        published: await idea(dsColleague, ds_),
        own: await idea(employee, ds_),
        draft: await idea(employee, ds_, false),
        outside: await idea(dfColleague, df),
      },
      report: {
        toHide: await reportOn(await idea(dsColleague, ds_)),
        toDismiss: await reportOn(await idea(dsColleague, ds_)),
        outside: await reportOn(await idea(dfColleague, df)),
      },
      campaign: { inScope: await campaignFor('DS-SOINS'), outside: await campaignFor('DF') },
      scoring: await assigned(dsColleague, ds_, personIds.get('network')!),
      recognition: await recognitionsOf(employee, personIds.get('hr')!, await idea(employee, ds_)),
      commentOnOwn: '',
    };
    fixtures.commentOnOwn = (
      await makeComment(ds, {
        idea: await ds.getRepository(Idea).findOneByOrFail({ id: fixtures.idea.own }),
        author: dsColleague,
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    process.env = saved;
  });

  it('has a line for every route of the API, and no line for a route that does not exist', () => {
    const routes = listRoutes(app).map((r) => r.key);
    const covered = new Set(ROWS.map((r) => r.route));
    expect({
      routesWithoutALine: routes.filter((r) => !covered.has(r)),
      linesWithoutARoute: [...covered].filter((r) => !routes.includes(r)),
    }).toEqual({
      routesWithoutALine: [],
      linesWithoutARoute: [],
    });
  });

  it.each(ROWS.map((row) => [`${row.route}${row.label ? ` (${row.label})` : ''}`, row] as const))(
    '%s',
    async (_name, row) => {
      const [method, path] = row.route.split(' ') as [string, string];
      const url = row.url ? row.url(fixtures) : path;
      const actual = {} as Expect;
      for (const who of WHO) {
        let req = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](
          url,
        );
        const personId = personIds.get(who);
        if (personId) {
          // A fresh session per cell: a logout or a deactivation in one cell cannot affect the next.
          const { token, session } = await app.get(SessionService).create(personId, 'local');
          req = req.set('Cookie', `eclore_session=${token}`).set('X-CSRF-Token', session.csrfToken);
        }
        const res = await (row.body ? req.send(row.body(who, fixtures)) : req);
        actual[who] = res.status;
      }
      expect(actual).toEqual(row.expect);
    },
  );
});

function fail(message: string): never {
  throw new Error(message);
}
