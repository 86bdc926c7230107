import { useId, useRef, type ReactNode } from 'react';
import { useRowNavigation } from './row-navigation';

export type Column = string | { label: ReactNode; className: string };

type DataTableProps = {
  testId?: string;
  columns: readonly Column[];
  /** Adds a last column for row buttons, named for screen readers only ("Actions" unless a name is given). */
  withActions?: boolean | string;
  className?: string;
  /**
   * `records` (the default): one Tab stop for the whole table, the arrow keys between rows and their
   * buttons. `form`: a table whose rows are fields to fill in (attendance, a column mapping), where Tab
   * goes field by field and the arrows belong to the fields.
   */
  keyboard?: 'records' | 'form';
  /** The rows. */
  children: ReactNode;
};

/** A table of records with a header row. */
export function DataTable({ testId, columns, withActions = false, className, keyboard = 'records', children }: DataTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const hintId = useId();
  const rovingRows = keyboard === 'records';
  useRowNavigation(body, rovingRows);
  return (
    <>
      <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId} aria-describedby={rovingRows ? hintId : undefined}>
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
        <tbody ref={body}>{children}</tbody>
      </table>
      {rovingRows ? (
        <span id={hintId} hidden>
          Tab reaches one row; the arrow keys move between rows and their buttons.
        </span>
      ) : null}
    </>
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
