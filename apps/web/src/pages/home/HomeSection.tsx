import type { ReactNode } from 'react';
import { useQuery, type DefaultError, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert, Panel } from '@eclore/web-ui';
import { useHomeText, type HomeText } from './i18n';

/** The home's sections: each has a title and the words of its link to the full page. */
type SectionKey = {
  [K in keyof HomeText]: HomeText[K] extends { title: string; more: string } ? K : never;
}[keyof HomeText];

/**
 * One section of the home: a titled panel whose body follows its query (loading, failed, or the
 * content once loaded, so an empty state is only ever said about data we have), then the link to
 * the full page.
 */
export function HomeSection<Data, Key extends QueryKey>({
  section,
  to,
  options,
  children,
}: {
  section: SectionKey;
  /** The full page. */
  to: string;
  options: UseQueryOptions<Data, DefaultError, Data, Key>;
  children: (data: Data) => ReactNode;
}) {
  const text = useHomeText();
  const query = useQuery(options);
  return (
    <Panel title={text[section].title}>
      {query.isError ? (
        <Alert tone="error">{text.loadFailed}</Alert>
      ) : query.isPending ? (
        <p role="status">{text.loading}</p>
      ) : (
        children(query.data)
      )}
      <Link to={to}>{text[section].more}</Link>
    </Panel>
  );
}

/** How many items a section lists (the latest or most urgent); the rest is one link away. */
export const SHOWN = 5;

/** A section's short list, or what it says when there is nothing to list. */
export function HomeList<Item>({
  items,
  itemKey,
  empty,
  children,
}: {
  items: readonly Item[];
  itemKey: (item: Item) => string;
  empty: string;
  children: (item: Item) => ReactNode;
}) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="ec-home-list">
      {items.map((item) => (
        <li key={itemKey(item)}>{children(item)}</li>
      ))}
    </ul>
  );
}
