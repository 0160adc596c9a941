import { DataTable, type DataTableColumn } from '@eclore/web-ui';

/**
 * A webhooks list (the webhooks, one webhook's deliveries): nothing while it loads, its `none` line
 * when it is empty, else the table (a list on a phone).
 */
export function WebhooksTable<Row extends { id: string }>({
  query,
  text,
  columns,
}: {
  query: { isPending: boolean; data?: { items: Row[] } };
  text: { none: string; caption: string };
  columns: readonly DataTableColumn<Row>[];
}) {
  const rows = query.data?.items ?? [];
  if (query.isPending) return null;
  if (rows.length === 0) return <p role="status">{text.none}</p>;
  return <DataTable narrow="list" caption={text.caption} rows={rows} rowKey={(row) => row.id} columns={columns} />;
}
