import type { ReactNode } from 'react';
import { Button } from './button';
import { ListPage } from './list-page';
import type { QueryLike } from './query-states';

type RosterPageProps = {
  /** The record, lower case, in the singular and the plural: "vehicle", "vehicles". */
  noun: string;
  plural: string;
  subtitle: ReactNode;
  onNew: () => void;
  /** More buttons beside "+ New …" (an import), and what they report above the list. */
  moreActions?: ReactNode;
  moreNotice?: ReactNode;
  /** From useListPageState: the "show inactive" toggle and the "saved" notice. */
  state: { includeInactive: boolean; setIncludeInactive: (includeInactive: boolean) => void; noticeBanner: ReactNode };
  query: QueryLike & { data?: { items: readonly unknown[] } };
  dialogs: ReactNode;
  /** The table of records, shown once loaded and not empty. */
  children: ReactNode;
};

/**
 * A list of records the school retires rather than deletes (instructors, vehicles): "+ New …",
 * "Show inactive …", the list's states worded for the record, and the dialogs that add and edit one.
 */
export function RosterPage({ noun, plural, subtitle, onNew, moreActions, moreNotice, state, query, dialogs, children }: RosterPageProps) {
  return (
    <ListPage
      id={plural}
      title={plural.charAt(0).toUpperCase() + plural.slice(1)}
      subtitle={subtitle}
      actions={
        moreActions ? (
          <div className="page__actions">
            {moreActions}
            <Button variant="primary" onClick={onNew} data-testid={`new-${noun}`}>
              {`+ New ${noun}`}
            </Button>
          </div>
        ) : (
          <Button variant="primary" onClick={onNew} data-testid={`new-${noun}`}>
            {`+ New ${noun}`}
          </Button>
        )
      }
      notice={
        moreNotice ? (
          <>
            {moreNotice}
            {state.noticeBanner}
          </>
        ) : (
          state.noticeBanner
        )
      }
      toggle={{ label: `Show inactive ${plural}`, checked: state.includeInactive, onChange: state.setIncludeInactive }}
      query={query}
      isEmpty={(query.data?.items.length ?? 0) === 0}
      errorTitle={`Could not load ${plural}.`}
      loading={`Loading ${plural}…`}
      empty={`No ${plural} yet. Add the first one with “New ${noun}”.`}
      dialogs={dialogs}
    >
      {children}
    </ListPage>
  );
}
