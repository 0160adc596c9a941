import type { ReactNode } from 'react';
import { Alert } from '@eclore/web-ui';
import { useHomeText } from './i18n';

/**
 * A section's body by the state of its query: loading, failed, or the content once loaded (so an
 * empty state is only ever said about data we have).
 */
export function SectionState({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean };
  children: () => ReactNode;
}) {
  const text = useHomeText();
  if (query.isError) return <Alert tone="error">{text.loadFailed}</Alert>;
  if (query.isPending) return <p role="status">{text.loading}</p>;
  return <>{children()}</>;
}
