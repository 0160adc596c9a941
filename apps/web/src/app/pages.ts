import { lazy } from 'react';

// Each page is its own chunk (React.lazy): the first load carries only the shell and its page.
export const HomePage = lazy(() => import('../pages/HomePage'));
export const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
export const DirectoryPage = lazy(() => import('../features/directory/DirectoryPage'));

/** Paths that have a page in this build; the navigation never links anywhere else. */
export const AVAILABLE_PATHS: ReadonlySet<string> = new Set(['/', '/directory']);
