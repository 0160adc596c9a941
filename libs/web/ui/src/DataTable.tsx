import type { ReactNode } from 'react';
import './DataTable.css';

export interface DataTableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell names the row (a `th scope="row"`), e.g. the person or the idea. */
  rowHeader?: boolean;
  /** Header read by screen readers only (an actions column). */
  headerHidden?: boolean;
  /** Label of the cell when the table is shown as a list (defaults to the header when it is text). */
  label?: string;
  className?: string;
  /**
   * Rows the cell spans (a group's first row spans the group); 0 leaves the cell out, the one above
   * covering it. Omitted: one row.
   */
  rowSpan?: (row: Row) => number;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Caption read by screen readers only, when a heading above already says it. */
  captionHidden?: boolean;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  /**
   * On narrow screens: `scroll` (default) scrolls the table sideways; `list` shows each row as a
   * list of labelled cells (the CSS stacks them; each cell carries its column's label).
   */
  narrow?: 'scroll' | 'list';
  className?: string;
  wrapClassName?: string;
  rowClassName?: (row: Row) => string | undefined;
  /** `data-*` attributes of a row (what the browser tests and styles hook on). */
  rowData?: (row: Row) => Readonly<Record<`data-${string}`, string>>;
}

/** The one data table: a captioned table with column headers, rows from data, and an empty state. */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  narrow = 'scroll',
  className = 'ec-table',
  wrapClassName = 'ec-table-wrap',
  rowClassName,
  rowData,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="ec-data-table__empty">{empty}</p>;
  return (
    <div className={wrapClassName}>
      <table className={[className, narrow === 'list' ? 'ec-data-table--list' : null].filter(Boolean).join(' ')}>
        <caption className={captionHidden ? 'ec-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.headerHidden ? <span className="ec-visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)} {...rowData?.(row)}>
              {columns.map((c) => {
                const label = c.label ?? (typeof c.header === 'string' ? c.header : undefined);
                const span = c.rowSpan?.(row);
                if (span === 0) return null;
                const shared = { className: c.className, 'data-label': label, rowSpan: span };
                return c.rowHeader ? (
                  <th key={c.key} scope="row" {...shared}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} {...shared}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
