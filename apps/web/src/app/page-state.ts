import type { ReactNode } from 'react';
import { problemMessage } from './errors';
import { useAppText } from './i18n';

/** What a page shows while the query it reads runs or after it failed. */
export interface QueryPageState {
  loading: ReactNode;
  error: ReactNode;
}

/**
 * `Page`'s `loading` and `error` for the query the page reads: by default the app's loading text and
 * the problem's own message; a page may word either itself. `<Page title={…} {...usePageState(query)}>`.
 */
export function usePageState(
  query: { isPending: boolean; isError: boolean; error: unknown },
  text: { loading?: ReactNode; error?: ReactNode } = {},
): QueryPageState {
  const app = useAppText();
  return {
    loading: query.isPending ? (text.loading ?? app.app.loading) : null,
    error: query.isError ? (text.error ?? problemMessage(app.problems, query.error)) : null,
  };
}
