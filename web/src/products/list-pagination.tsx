import { hrefFor } from '../routing/hash-route.js';

interface ListPaginationProps {
  total: number;
  page: number;
  pageSize: number;
  /** The route of another page of the same list. */
  routeOf(page: number): string;
}

/** "120 items  « ‹ Page 2 of 3 › »", as wp-admin's `tablenav-pages`; only the count while everything fits on one page. */
export function ListPagination({ total, page, pageSize, routeOf }: ListPaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const items = `${total} item${total === 1 ? '' : 's'}`;
  if (pages === 1) return <p className="tablenav-pages">{items}</p>;
  const link = (target: number, symbol: string, label: string) =>
    target < 1 || target > pages || target === page ? (
      <span className="tablenav-pages-navspan button disabled" aria-hidden="true">
        {symbol}
      </span>
    ) : (
      <a className="button" href={hrefFor(routeOf(target))}>
        <span className="screen-reader-text">{label}</span>
        <span aria-hidden="true">{symbol}</span>
      </a>
    );
  return (
    <nav className="tablenav-pages" aria-label="Pages">
      <span className="displaying-num">{items}</span>
      {link(1, '«', 'First page')}
      {link(page - 1, '‹', 'Previous page')}
      <span className="paging-input">
        Page {Math.min(page, pages)} of {pages}
      </span>
      {link(page + 1, '›', 'Next page')}
      {link(pages, '»', 'Last page')}
    </nav>
  );
}
