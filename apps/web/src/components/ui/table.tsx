// A plain data table: semantic <table>, a caption for screen readers, and columns described once.
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** 'end' aligns numbers and actions to the inline end (right in English, left in Urdu). */
  align?: 'start' | 'end';
  width?: string;
  className?: string;
  /** The column the rows are sorted by, and which way (its header then says so to screen readers). */
  sorted?: 'ascending' | 'descending';
}

export function Table<T>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden = true,
  className,
  rowClassName,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  caption: ReactNode;
  captionHidden?: boolean;
  className?: string;
  rowClassName?: (row: T) => string | undefined;
}) {
  return (
    <div className={['fl-table-wrap', className].filter(Boolean).join(' ')}>
      <table className="fl-table">
        <caption className={captionHidden ? 'fl-visually-hidden' : 'fl-table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sorted}
                className={c.align === 'end' ? 'fl-cell--end' : undefined}
                style={c.width ? { width: c.width } : undefined}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  className={
                    [c.align === 'end' ? 'fl-cell--end' : '', c.className].filter(Boolean).join(' ') || undefined
                  }
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
