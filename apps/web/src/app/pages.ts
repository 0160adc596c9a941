import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { QueryClient } from '@tanstack/react-query';

/**
 * A page module: its component and, optionally, `prefetch`, which asks for the page's first data
 * for an address before the page renders (called only for a signed-in person).
 */
export interface PageModule {
  default: ComponentType;
  prefetch?: (client: QueryClient, search: URLSearchParams) => Promise<unknown>;
}

/** A lazy page that can also be fetched ahead of its first render (see preloadPagesOf in router.tsx). */
export type PageComponent = LazyExoticComponent<ComponentType> & { preload: () => Promise<PageModule> };

// The module loader is the one React.lazy calls: a preload and the render share one request.
const lazyPage = (load: () => Promise<PageModule>): PageComponent => Object.assign(lazy(load), { preload: load });

// The sign-in page is part of the first load (every visitor signed out lands there): bundled with
// the shell, it paints without waiting for a second request.
export { default as SignInPage } from '../features/auth/SignInPage';

// Each other page is its own chunk (React.lazy): the first load carries only the shell and its page.
export const HomePage = lazyPage(() => import('../pages/HomePage'));
export const NotFoundPage = lazyPage(() => import('../pages/NotFoundPage'));
export const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage'));
export const AdminPeoplePage = lazyPage(() => import('../features/admin/PeoplePage'));
export const AdminPersonPage = lazyPage(() => import('../features/admin/PersonPage'));
export const AdminAuditPage = lazyPage(() => import('../features/admin/AuditPage'));
export const AdminWebhooksPage = lazyPage(() => import('../features/webhooks/WebhooksPage'));
export const CampaignsPage = lazyPage(() => import('../features/campaigns/CampaignsPage'));
export const CampaignPage = lazyPage(() => import('../features/campaigns/CampaignPage'));
export const CampaignEditorPage = lazyPage(() => import('../features/campaigns/CampaignEditorPage'));
export const WallPage = lazyPage(() => import('../features/wall/WallPage'));
export const ModerationPage = lazyPage(() => import('../features/moderation/ModerationPage'));
export const IdeaEditorPage = lazyPage(() => import('../features/ideas/IdeaEditorPage'));
export const IdeaPage = lazyPage(() => import('../features/ideas/IdeaPage'));
export const MyIdeasPage = lazyPage(() => import('../features/ideas/MyIdeasPage'));
export const IntakePage = lazyPage(() => import('../features/intake/IntakePage'));
export const PortfolioPage = lazyPage(() => import('../features/portfolio/PortfolioPage'));
export const CommitteeSessionsPage = lazyPage(() => import('../features/committee/SessionsPage'));
export const CommitteeSessionPage = lazyPage(() => import('../features/committee/SessionPage'));
export const DirectoryPage = lazyPage(() => import('../features/directory/DirectoryPage'));
export const NotificationsPage = lazyPage(() => import('../features/notifications/NotificationsPage'));
export const AdminNotificationsPage = lazyPage(() => import('../features/notifications/NotificationsAdminPage'));
export const LatePage = lazyPage(() => import('../features/deadlines/LatePage'));
export const ReviewQueuePage = lazyPage(() => import('../features/review-queue/ReviewQueuePage'));
export const CriteriaSetPage = lazyPage(() => import('../features/qualification/CriteriaSetPage'));
export const AdminAnswerTimePage = lazyPage(() => import('../features/deadlines/AnswerTimeSettingsPage'));
export const ImpactPage = lazyPage(() => import('../features/realisation/impact/ImpactPage'));
export const RecognitionFiguresPage = lazyPage(() => import('../features/recognition/dashboard/FiguresPage'));
export const ContributionClaimsPage = lazyPage(() => import('../features/anonymity/ClaimsPage'));
export const RecognitionDuePage = lazyPage(() => import('../features/recognition/RecognitionDuePage'));
export const AnnualReportsPage = lazyPage(() => import('../features/recognition/reports/ReportsPage'));
export const CharterPage = lazyPage(() => import('../features/recognition/charter/CharterPage'));

/** Paths that have a page in this build; the navigation never links anywhere else. */
export const AVAILABLE_PATHS: ReadonlySet<string> = new Set([
  '/',
  '/campaigns',
  '/ideas',
  '/my-ideas',
  '/intake',
  '/review-queue',
  '/late',
  '/portfolio',
  '/committee',
  '/impact',
  '/recognition/figures',
  '/anonymity/claims',
  '/recognition/due',
  '/recognition/reports',
  '/recognition/charter',
  '/moderation',
  '/directory',
  '/admin',
]);
