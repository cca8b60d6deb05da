import { PRODUCT_STATES, type ProductState } from '../api/product-types.js';

export const PAGE_SIZE = 50;

/** What the Products screen shows, kept in the route (`#/products?search=lamp&state=stale&page=2`) so a reload keeps it. */
export interface ProductQuery {
  search: string;
  marketplace: string;
  state: ProductState | '';
  page: number;
}

const isState = (value: string): value is ProductState => (PRODUCT_STATES as readonly string[]).includes(value);

export function readProductQuery(query: URLSearchParams): ProductQuery {
  const state = query.get('state') ?? '';
  const page = Number.parseInt(query.get('page') ?? '1', 10);
  return {
    search: query.get('search') ?? '',
    marketplace: query.get('marketplace') ?? '',
    state: isState(state) ? state : '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

const params = (entries: Array<[string, string]>) => new URLSearchParams(entries.filter(([, value]) => value !== '')).toString();

/** The route of a query; a filter change starts again at page 1 unless the page is given. */
export function productRoute(query: ProductQuery): string {
  const search = params([
    ['search', query.search.trim()],
    ['marketplace', query.marketplace],
    ['state', query.state],
    ['page', query.page > 1 ? String(query.page) : ''],
  ]);
  return search ? `/products?${search}` : '/products';
}

/** The API path of a query. */
export function productApiPath(query: ProductQuery): string {
  return `products?${params([
    ['search', query.search.trim()],
    ['marketplace', query.marketplace],
    ['state', query.state],
    ['limit', String(PAGE_SIZE)],
    ['offset', String((query.page - 1) * PAGE_SIZE)],
  ])}`;
}

export const isFiltered = (query: ProductQuery): boolean => Boolean(query.search.trim() || query.marketplace || query.state);
