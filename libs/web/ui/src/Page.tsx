import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { PageHeader } from './PageHeader';

export interface PageProps {
  title: ReactNode;
  lead?: ReactNode;
  /** Moves focus to the heading on mount (set by the app after a client-side navigation). */
  focusOnMount?: boolean;
  /** While set, a polite loading message (role="status") under the header. */
  loading?: ReactNode;
  /** While set, an error alert under the header. */
  error?: ReactNode;
  children?: ReactNode;
}

/** The page shell: the header (h1 and lead), then the loading or error state, then the content. */
export function Page({ title, lead, focusOnMount = false, loading, error, children }: PageProps) {
  return (
    <>
      <PageHeader title={title} lead={lead} focusOnMount={focusOnMount} />
      {loading ? <p role="status">{loading}</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {children}
    </>
  );
}
