import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Alert, Button, DataTable, type DataTableProps } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';

/** An admin list's words: its caption, the line when nothing matches, the next-page button. */
export interface PagedTableText {
  caption: string;
  none: string;
  loadMore: string;
}

/**
 * An admin list read page by page (people, audit events): the problem if a read failed, the loading
 * line, `text.none` when nothing matches, else the table (a list on a phone) and a button that loads
 * the next page while there is one.
 */
export function PagedTable<Row extends { id: string }>({
  query,
  text,
  ...table
}: {
  query: UseInfiniteQueryResult<InfiniteData<{ items: Row[] }>>;
  text: PagedTableText;
} & Pick<DataTableProps<Row>, 'columns' | 'rowData'>) {
  const app = useAppText();
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {query.isError ? <Alert tone="error">{problemMessage(app.problems, query.error)}</Alert> : null}
      {query.isPending ? (
        <p role="status">{app.app.loading}</p>
      ) : rows.length === 0 ? (
        <p role="status">{text.none}</p>
      ) : (
        <DataTable narrow="list" caption={text.caption} rows={rows} rowKey={(row) => row.id} {...table} />
      )}
      {query.hasNextPage ? (
        <Button variant="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {text.loadMore}
        </Button>
      ) : null}
    </>
  );
}
