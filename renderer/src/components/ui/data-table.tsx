import type { ReactNode } from 'react';

export type Column = string | { label: ReactNode; className: string };

type DataTableProps = {
  testId?: string;
  columns: readonly Column[];
  /** Adds a last column for row buttons, named for screen readers only ("Actions" unless a name is given). */
  withActions?: boolean | string;
  className?: string;
  /** The rows. */
  children: ReactNode;
};

/** A table of records with a header row. */
export function DataTable({ testId, columns, withActions = false, className, children }: DataTableProps) {
  return (
    <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) =>
            typeof column === 'string' ? (
              <th key={column} scope="col">
                {column}
              </th>
            ) : (
              <th key={String(column.label)} scope="col" className={column.className}>
                {column.label}
              </th>
            ),
          )}
          {withActions ? (
            <th scope="col" className="data-table__actions-head">
              <span className="visually-hidden">{typeof withActions === 'string' ? withActions : 'Actions'}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A record's row heading: its name opens it; an "Inactive" badge and a detail line beneath. */
export function RecordNameCell({ name, onOpen, inactive, detail }: { name: ReactNode; onOpen: () => void; inactive?: boolean; detail: ReactNode }) {
  return (
    <th scope="row" className="data-table__name">
      <button type="button" className="link-button" onClick={onOpen}>
        {name}
      </button>
      {inactive ? <span className="badge badge--muted">Inactive</span> : null}
      <div className="muted small mono">{detail}</div>
    </th>
  );
}
