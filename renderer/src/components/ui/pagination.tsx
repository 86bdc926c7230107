import { Button } from './button';

type PaginationProps = { offset: number; limit: number; total: number; onPage: (page: number) => void };

export function Pagination({ offset, limit, total, onPage }: PaginationProps) {
  const page = Math.floor(offset / limit);
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label="Pages">
      <span className="pagination__summary" data-testid="pagination-summary">
        {total === 0 ? 'No results' : `Showing ${first}–${last} of ${total}`}
      </span>
      <span className="pagination__controls">
        <Button variant="ghost" disabled={page === 0} onClick={() => onPage(page - 1)}>
          ‹ Previous
        </Button>
        <span className="pagination__page">
          Page {page + 1} of {pages}
        </span>
        <Button variant="ghost" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
          Next ›
        </Button>
      </span>
    </nav>
  );
}
