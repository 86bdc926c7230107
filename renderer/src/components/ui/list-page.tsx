import type { ReactNode } from 'react';
import { Page } from './page';
import { Pagination } from './pagination';
import { QueryStates, type QueryLike } from './query-states';

type Search = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  searching: boolean;
  /** Enter in the search box: open the first match (the students list opens that student's page). */
  onEnter?: () => void;
};
type Toggle = { label: string; checked: boolean; onChange: (checked: boolean) => void };
type Paging = { offset: number; limit: number; total: number; onPage: (page: number) => void };

type ListPageProps = {
  id: string;
  title: ReactNode;
  subtitle: ReactNode;
  actions?: ReactNode;
  /** A banner above the list, e.g. "… was saved." */
  notice?: ReactNode;
  search?: Search;
  /** A yes/no filter in the toolbar, e.g. "Show inactive vehicles". */
  toggle?: Toggle;
  query: QueryLike;
  isEmpty: boolean;
  errorTitle: string;
  loading: string;
  empty: ReactNode;
  emptyTestId?: string;
  onRetry?: () => void;
  /** Page controls under the list, once it has loaded. */
  paging?: Paging | null;
  /** The dialogs the list opens. */
  dialogs?: ReactNode;
  /** The list itself, shown once loaded and not empty. */
  children: ReactNode;
};

/** A screen that lists records: header, toolbar (search, filter), the list's states, paging and dialogs. */
export function ListPage({ id, title, subtitle, actions, notice, search, toggle, query, isEmpty, errorTitle, loading, empty, emptyTestId, onRetry, paging, dialogs, children }: ListPageProps) {
  return (
    <Page id={id} title={title} subtitle={subtitle} actions={actions}>
      {notice}
      {search || toggle ? (
        <div className="toolbar">
          {search ? <SearchBox {...search} /> : null}
          {toggle ? (
            <label className="checkbox">
              <input type="checkbox" checked={toggle.checked} onChange={(event) => toggle.onChange(event.target.checked)} />
              <span>{toggle.label}</span>
            </label>
          ) : null}
        </div>
      ) : null}
      <div className="card">
        <QueryStates query={query} isEmpty={isEmpty} errorTitle={errorTitle} loading={loading} empty={empty} emptyTestId={emptyTestId} onRetry={onRetry}>
          {children}
        </QueryStates>
        {paging ? <Pagination {...paging} /> : null}
      </div>
      {dialogs}
    </Page>
  );
}

function SearchBox({ label, placeholder, value, onChange, testId, searching, onEnter }: Search) {
  return (
    <>
      <label className="search">
        <span className="visually-hidden">{label}</span>
        <input
          type="search"
          className="search__input"
          placeholder={placeholder}
          value={value}
          data-testid={testId}
          data-page-search
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && onEnter) {
              event.preventDefault();
              onEnter();
            }
          }}
        />
      </label>
      {searching ? (
        <span className="toolbar__hint" aria-live="polite">
          Searching…
        </span>
      ) : null}
    </>
  );
}
