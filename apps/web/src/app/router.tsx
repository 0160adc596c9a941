import { isValidElement, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, useRoutes, type RouteObject } from 'react-router';
import { RequireSession } from '../session/RequireSession';
import { Layout } from './Layout';
import {
  AdminAuditPage,
  AdminWebhooksPage,
  AdminPeoplePage,
  AdminPersonPage,
  CampaignEditorPage,
  CampaignPage,
  CampaignsPage,
  DirectoryPage,
  HomePage,
  IdeaEditorPage,
  IdeaPage,
  IntakePage,
  PortfolioPage,
  CommitteeSessionsPage,
  CommitteeSessionPage,
  MyIdeasPage,
  NotificationsPage,
  AdminNotificationsPage,
  AdminAnswerTimePage,
  LatePage,
  ReviewQueuePage,
  CriteriaSetPage,
  ModerationPage,
  NotFoundPage,
  ProfilePage,
  SignInPage,
  WallPage,
  type PageComponent,
  ImpactPage,
  RecognitionFiguresPage,
  ContributionClaimsPage,
  RecognitionDuePage,
  AnnualReportsPage,
  CharterPage,
} from './pages';

// Declarative routing (BrowserRouter + useRoutes), not the data router: the app uses no loader,
// action or fetcher, and createBrowserRouter's data layer weighed ~9 kB gz on the first page.
const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      {
        // Signed-in only: a visitor is sent to the sign-in page and brought back.
        element: <RequireSession />,
        children: [
          { path: 'profile', element: <ProfilePage /> },
          { path: 'ideas', element: <WallPage /> },
          { path: 'ideas/new', element: <IdeaEditorPage /> },
          { path: 'ideas/:id', element: <IdeaPage /> },
          { path: 'ideas/:id/edit', element: <IdeaEditorPage /> },
          { path: 'my-ideas', element: <MyIdeasPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
        ],
      },
      {
        path: 'intake',
        element: (
          <RequireSession action="idea.intake">
            <IntakePage />
          </RequireSession>
        ),
      },
      {
        path: 'portfolio',
        element: (
          <RequireSession action="portfolio.read">
            <PortfolioPage />
          </RequireSession>
        ),
      },
      {
        path: 'review-queue',
        element: (
          <RequireSession action="qualification.read_queue">
            <ReviewQueuePage />
          </RequireSession>
        ),
      },
      {
        path: 'criteria',
        element: (
          <RequireSession action="criteria.read">
            <CriteriaSetPage />
          </RequireSession>
        ),
      },
      {
        path: 'committee',
        element: (
          <RequireSession action="committee.read">
            <CommitteeSessionsPage />
          </RequireSession>
        ),
      },
      {
        path: 'committee/sessions/:id',
        element: (
          <RequireSession action="committee.read">
            <CommitteeSessionPage />
          </RequireSession>
        ),
      },
      {
        path: 'impact',
        element: (
          <RequireSession action="impact.read_rollups">
            <ImpactPage />
          </RequireSession>
        ),
      },
      {
        path: 'anonymity/claims',
        element: (
          <RequireSession action="contribution.decide_claim">
            <ContributionClaimsPage />
          </RequireSession>
        ),
      },
      {
        path: 'recognition/figures',
        element: (
          <RequireSession action="annual_report.read">
            <RecognitionFiguresPage />
          </RequireSession>
        ),
      },
      {
        path: 'recognition/reports',
        element: (
          <RequireSession action="annual_report.read">
            <AnnualReportsPage />
          </RequireSession>
        ),
      },
      {
        path: 'recognition/due',
        element: (
          <RequireSession action="recognition.manage">
            <RecognitionDuePage />
          </RequireSession>
        ),
      },
      {
        path: 'recognition/charter',
        element: (
          <RequireSession action="charter.read">
            <CharterPage />
          </RequireSession>
        ),
      },
      {
        path: 'late',
        element: (
          <RequireSession action="deadline.read_late">
            <LatePage />
          </RequireSession>
        ),
      },
      {
        path: 'moderation',
        element: (
          <RequireSession action="moderation.read">
            <ModerationPage />
          </RequireSession>
        ),
      },
      {
        path: 'directory',
        element: (
          <RequireSession action="directory.import">
            <DirectoryPage />
          </RequireSession>
        ),
      },
      {
        path: 'campaigns',
        element: <RequireSession />,
        children: [
          { index: true, element: <CampaignsPage /> },
          {
            path: 'new',
            element: (
              <RequireSession action="campaign.manage">
                <CampaignEditorPage />
              </RequireSession>
            ),
          },
          { path: ':id', element: <CampaignPage /> },
          {
            path: ':id/criteria',
            element: (
              <RequireSession action="criteria.read">
                <CriteriaSetPage />
              </RequireSession>
            ),
          },
          {
            path: ':id/edit',
            element: (
              <RequireSession action="campaign.manage">
                <CampaignEditorPage />
              </RequireSession>
            ),
          },
        ],
      },
      {
        path: 'admin',
        element: <RequireSession action="role.read" />,
        children: [
          { index: true, element: <AdminPeoplePage /> },
          { path: 'people/:id', element: <AdminPersonPage /> },
          {
            path: 'audit',
            element: (
              <RequireSession action="audit.read">
                <AdminAuditPage />
              </RequireSession>
            ),
          },
          {
            path: 'webhooks',
            element: (
              <RequireSession action="webhook.manage">
                <AdminWebhooksPage />
              </RequireSession>
            ),
          },
          {
            path: 'notifications',
            element: (
              <RequireSession action="notification.admin">
                <AdminNotificationsPage />
              </RequireSession>
            ),
          },
          {
            path: 'answer-times',
            element: (
              <RequireSession action="deadline.settings">
                <AdminAnswerTimePage />
              </RequireSession>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The app's routes, under main.tsx's BrowserRouter. */
export function AppRoutes() {
  return useRoutes(routes);
}

/** The lazy pages in an element (a page, or a page inside its RequireSession guard). */
function pagesIn(node: ReactNode): Pick<PageComponent, 'preload'>[] {
  if (!isValidElement<{ children?: ReactNode }>(node)) return [];
  const type = node.type as Partial<PageComponent>;
  const own = typeof type.preload === 'function' ? [{ preload: type.preload }] : [];
  return [...own, ...pagesIn(node.props.children)];
}

/**
 * Starts fetching the chunks of the pages an address shows before React's first render, and their
 * first data once `signedIn` says so: without it a page's chunk was asked for only once the shell had
 * rendered and suspended on it, and its data once the page had rendered (two round trips in a row
 * before the wall's first paint; Lighthouse, issue 12). Failures are left to the render, which
 * reports them as usual.
 */
export function preloadPagesOf(
  location: Pick<Location, 'pathname' | 'search'>,
  client: QueryClient,
  signedIn: Promise<boolean>,
): void {
  for (const match of matchRoutes(routes, location.pathname) ?? []) {
    for (const page of pagesIn(match.route.element)) {
      void Promise.all([page.preload(), signedIn])
        .then(([module, yes]) => (yes ? module.prefetch?.(client, new URLSearchParams(location.search)) : undefined))
        .catch(() => undefined);
    }
  }
}
