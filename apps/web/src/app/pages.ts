import { lazy } from 'react';

// Each page is its own chunk (React.lazy): the first load carries only the shell and its page.
export const HomePage = lazy(() => import('../pages/HomePage'));
export const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
export const SignInPage = lazy(() => import('../features/auth/SignInPage'));
export const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
export const AdminPeoplePage = lazy(() => import('../features/admin/PeoplePage'));
export const AdminPersonPage = lazy(() => import('../features/admin/PersonPage'));
export const AdminAuditPage = lazy(() => import('../features/admin/AuditPage'));
export const AdminWebhooksPage = lazy(() => import('../features/webhooks/WebhooksPage'));
export const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage'));
export const CampaignPage = lazy(() => import('../features/campaigns/CampaignPage'));
export const CampaignEditorPage = lazy(() => import('../features/campaigns/CampaignEditorPage'));
export const WallPage = lazy(() => import('../features/wall/WallPage'));
export const ModerationPage = lazy(() => import('../features/moderation/ModerationPage'));
export const IdeaEditorPage = lazy(() => import('../features/ideas/IdeaEditorPage'));
export const IdeaPage = lazy(() => import('../features/ideas/IdeaPage'));
export const MyIdeasPage = lazy(() => import('../features/ideas/MyIdeasPage'));
export const IntakePage = lazy(() => import('../features/intake/IntakePage'));
export const PortfolioPage = lazy(() => import('../features/portfolio/PortfolioPage'));
export const CommitteeSessionsPage = lazy(() => import('../features/committee/SessionsPage'));
export const CommitteeSessionPage = lazy(() => import('../features/committee/SessionPage'));
export const DirectoryPage = lazy(() => import('../features/directory/DirectoryPage'));
export const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
export const AdminNotificationsPage = lazy(() => import('../features/notifications/NotificationsAdminPage'));
export const LatePage = lazy(() => import('../features/deadlines/LatePage'));
export const ReviewQueuePage = lazy(() => import('../features/review-queue/ReviewQueuePage'));
export const CriteriaSetPage = lazy(() => import('../features/qualification/CriteriaSetPage'));
export const AdminAnswerTimePage = lazy(() => import('../features/deadlines/AnswerTimeSettingsPage'));
export const ImpactPage = lazy(() => import('../features/realisation/impact/ImpactPage'));

/** Paths that have a page in this build; the navigation never links anywhere else. */
export const AVAILABLE_PATHS: ReadonlySet<string> = new Set(['/', '/campaigns', '/ideas', '/my-ideas', '/intake', '/review-queue', '/late', '/portfolio', '/committee', '/impact', '/moderation', '/directory', '/admin']);
