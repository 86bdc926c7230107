import type { ReactNode } from 'react';
import { Button } from './button';
import { ErrorBanner } from './error-banner';

/** The part of a TanStack query result this needs (a query's, not a mutation's). */
export type QueryLike = { isPending: boolean; isError: boolean; error: unknown; data?: unknown };

type QueryStatesProps = {
  query: QueryLike;
  errorTitle: string;
  loading: string;
  /** Loaded, but nothing to show: `empty` is said instead of the children. */
  isEmpty?: boolean;
  empty?: ReactNode;
  emptyTestId?: string;
  /**
   * Offers "Try again" on the error. A list that retries keeps the rows it has on screen and shows
   * the error only while it has none.
   */
  onRetry?: () => void;
  /** The loading and empty lines' look: centred in a card, or a plain muted line. */
  tone?: 'card' | 'plain';
  /** The loaded content. */
  children?: ReactNode;
};

/** A query's loading, error and empty states, then its content once loaded. */
export function QueryStates({ query, errorTitle, loading, isEmpty = false, empty, emptyTestId, onRetry, tone = 'card', children }: QueryStatesProps) {
  const loaded = query.data !== undefined;
  const lineClass = tone === 'card' ? 'empty-state' : 'muted';
  const showError = query.isError && !(onRetry && loaded);
  return (
    <>
      {showError ? (
        <ErrorBanner
          error={query.error}
          title={errorTitle}
          testId={onRetry ? 'list-error' : undefined}
          actions={onRetry ? <Button onClick={onRetry}>Try again</Button> : undefined}
        />
      ) : null}
      {query.isPending ? <p className={lineClass}>{loading}</p> : null}
      {loaded && isEmpty && empty !== undefined ? (
        <p className={lineClass} data-testid={emptyTestId}>
          {empty}
        </p>
      ) : null}
      {loaded && !isEmpty ? children : null}
    </>
  );
}
