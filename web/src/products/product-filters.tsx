import { useEffect, useRef, useState } from 'react';
import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import { PRODUCT_STATES, type ProductState } from '../api/product-types.js';
import { hrefFor } from '../routing/hash-route.js';
import { STATE_LABELS } from './product-labels.js';
import { productRoute, type ProductQuery } from './product-query.js';

const SEARCH_DELAY_MS = 300;

interface ProductFiltersProps {
  query: ProductQuery;
  counts: Partial<Record<ProductState, number>>;
  onChange(query: ProductQuery): void;
}

/** The views by state ("All (12) | Fresh (9) | Stale (2)"), the marketplace filter and the search box, as above a wp-admin list table. */
export function ProductFilters({ query, counts, onChange }: ProductFiltersProps) {
  return (
    <div className="list-filters">
      <StateViews query={query} counts={counts} />
      <div className="list-filters-controls">
        <label className="screen-reader-text" htmlFor="product-filter-marketplace">
          Filter by marketplace
        </label>
        <select id="product-filter-marketplace" value={query.marketplace} onChange={(event) => onChange({ ...query, marketplace: event.target.value, page: 1 })}>
          <option value="">All marketplaces</option>
          {MARKETPLACES.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code.toUpperCase()})
            </option>
          ))}
        </select>
        <SearchBox value={query.search} onSearch={(search) => onChange({ ...query, search, page: 1 })} />
      </div>
    </div>
  );
}

function StateViews({ query, counts }: { query: ProductQuery; counts: Partial<Record<ProductState, number>> }) {
  const all = PRODUCT_STATES.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
  // Like wp-admin's views, a state nobody is in is left out, unless it is the one chosen.
  const shown = PRODUCT_STATES.filter((state) => (counts[state] ?? 0) > 0 || state === query.state);
  const views: Array<{ state: ProductState | ''; label: string; count: number }> = [
    { state: '', label: 'All', count: all },
    ...shown.map((state) => ({ state, label: STATE_LABELS[state], count: counts[state] ?? 0 })),
  ];
  return (
    <ul className="subsubsub" aria-label="Filter by state">
      {views.map((view, index) => {
        const current = view.state === query.state;
        return (
          <li key={view.state || 'all'} className={view.state ? `view-${view.state}` : 'view-all'}>
            <a href={hrefFor(productRoute({ ...query, state: view.state, page: 1 }))} className={current ? 'current' : undefined} aria-current={current ? 'page' : undefined}>
              {view.label} <span className="count">({view.count})</span>
            </a>
            {index < views.length - 1 && <span className="separator" aria-hidden="true">|</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** Searches as one types (after a short pause) and at once on Enter. */
function SearchBox({ value, onSearch }: { value: string; onSearch(search: string): void }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  // The newest callback without restarting the pause on every render (the list re-renders while it polls).
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });

  // The route changed another way (back button, a link): show its search.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === sent.current.trim()) return;
    const timer = window.setTimeout(() => {
      sent.current = text;
      search.current(text);
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        sent.current = text;
        onSearch(text);
      }}
    >
      <label className="screen-reader-text" htmlFor="product-search">
        Search products
      </label>
      <input id="product-search" type="search" value={text} placeholder="Title or ASIN" onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="button">
        Search Products
      </button>
    </form>
  );
}
