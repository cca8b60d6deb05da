import { useCallback, useEffect, useRef } from 'react';
import type { ProductList, ProductView } from '../api/product-types.js';
import { useRefreshPauses } from '../alerts/refresh-pauses-context.js';
import { productApiPath, type ProductQuery } from './product-query.js';
import { useLiveResource, type LiveResource } from './use-live-resource.js';

/** While a row is refreshing, the list asks again this often. */
export const REFRESH_POLL_MS = 2000;

const refreshingCount = (list: ProductList) => list.products.filter((product) => product.state === 'refreshing').length;

/** The page of products the query asks for, polled while any of them is refreshing. */
export function useProductList(query: ProductQuery): LiveResource<ProductList> & { showProduct(product: ProductView): void } {
  const list = useLiveResource<ProductList>(
    productApiPath(query),
    useCallback((data: ProductList) => (refreshingCount(data) > 0 ? REFRESH_POLL_MS : null), []),
  );

  // A refresh that ended may have paused a credential (or shown that it works again): the banner asks at once.
  const { reload: reloadPauses } = useRefreshPauses();
  const refreshing = list.data ? refreshingCount(list.data) : 0;
  const before = useRef(refreshing);
  useEffect(() => {
    if (refreshing < before.current) reloadPauses();
    before.current = refreshing;
  }, [refreshing, reloadPauses]);

  const { update } = list;
  const showProduct = useCallback(
    (product: ProductView) => update((data) => ({ ...data, products: data.products.map((row) => (row.id === product.id ? product : row)) })),
    [update],
  );
  return { ...list, showProduct };
}
