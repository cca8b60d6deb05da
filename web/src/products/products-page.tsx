import { useCallback, useMemo, useState } from 'react';
import { useRefreshPauses } from '../alerts/refresh-pauses-context.js';
import type { ProductAnswer, ProductView } from '../api/product-types.js';
import { Notice } from '../components/notice.js';
import { Wrap } from '../components/wrap.js';
import { navigate } from '../routing/hash-route.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';
import { AddProductForm } from './add-product-form.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ListPagination } from './list-pagination.js';
import { ProductFilters } from './product-filters.js';
import { productName } from './product-labels.js';
import { isFiltered, PAGE_SIZE, productRoute, readProductQuery, type ProductQuery } from './product-query.js';
import { ProductsTable } from './products-table.js';
import { useNow } from './use-now.js';
import { useProductList } from './use-product-list.js';

interface Message {
  kind: 'success' | 'error';
  text: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `#/products`: every product the engine keeps fresh, with adding, filtering, "Refresh now" and "Remove". */
export function ProductsPage({ routeQuery }: { routeQuery: URLSearchParams }) {
  const api = useEngineApi();
  const { general } = useGeneralSettings();
  const timeZone = fieldText(general, 'timeZone');
  const query = readProductQuery(routeQuery);
  const list = useProductList(query);
  const now = useNow(60_000, list.data);
  const { pauses } = useRefreshPauses();
  const pausedMarketplaces = useMemo(() => new Set(pauses.flatMap((pause) => pause.marketplaces)), [pauses]);
  const [message, setMessage] = useState<Message | null>(null);
  const [removing, setRemoving] = useState<{ product: ProductView; busy: boolean } | null>(null);

  const changeQuery = useCallback((next: ProductQuery) => navigate(productRoute(next), { replace: true }), []);
  const { reload, showProduct } = list;

  const added = useCallback(
    (product: ProductView) => {
      setMessage({ kind: 'success', text: `Added ${productName(product)}.` });
      reload();
    },
    [reload],
  );

  const refresh = async (product: ProductView) => {
    showProduct({ ...product, state: 'refreshing' });
    try {
      showProduct((await api<ProductAnswer>(`products/${encodeURIComponent(product.id)}/refresh`, { method: 'POST' })).product);
    } catch (error) {
      setMessage({ kind: 'error', text: `${productName(product)} could not be refreshed: ${messageOf(error)}` });
      reload();
    }
  };

  const remove = async (product: ProductView) => {
    setRemoving({ product, busy: true });
    try {
      await api(`products/${encodeURIComponent(product.id)}`, { method: 'DELETE' });
      setMessage({ kind: 'success', text: `Removed ${productName(product)}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: `${productName(product)} could not be removed: ${messageOf(error)}` });
    } finally {
      setRemoving(null);
      reload();
    }
  };

  const data = list.data;
  return (
    <Wrap title="Products">
      {message && (
        <Notice kind={message.kind} onDismiss={() => setMessage(null)}>
          <p>{message.text}</p>
        </Notice>
      )}
      <AddProductForm defaultMarketplace={data?.defaultMarketplace ?? null} onAdded={added} />
      <ProductFilters query={query} counts={data?.counts ?? {}} onChange={changeQuery} />
      {list.error && (
        <Notice kind="error" className="inline">
          <p>The products could not be loaded: {list.error}</p>
        </Notice>
      )}
      {!data ? (
        !list.error && <p className="loading">Loading products…</p>
      ) : data.products.length === 0 ? (
        <EmptyList query={query} />
      ) : (
        <div className={list.pending ? 'product-list is-pending' : 'product-list'} aria-busy={list.pending}>
          <ListPagination total={data.total} page={query.page} pageSize={PAGE_SIZE} routeOf={(page) => productRoute({ ...query, page })} />
          <div className="list-table-scroll">
            <ProductsTable
              products={data.products}
              timeZone={timeZone}
              now={now}
              pausedMarketplaces={pausedMarketplaces}
              onRefresh={(product) => void refresh(product)}
              onRemove={(product) => setRemoving({ product, busy: false })}
            />
          </div>
          <p className="list-note description">
            A product is refreshed once its data is {data.maxAgeHours} hours old. Amazon allows a price to be shown for 24 hours after it was fetched; older
            prices are hidden.
          </p>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.product.title ?? removing.product.asin}?`}
          confirmLabel="Remove"
          busy={removing.busy}
          onConfirm={() => void remove(removing.product)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            PassiveWP stops refreshing <strong>{productName(removing.product)}</strong> and forgets the data it fetched. You can add it again later.
          </p>
        </ConfirmDialog>
      )}
    </Wrap>
  );
}

function EmptyList({ query }: { query: ProductQuery }) {
  if (isFiltered(query)) {
    return (
      <div className="empty-list">
        <p className="empty-state">No products match these filters.</p>
        <p>
          <a className="button" href={`#${productRoute({ search: '', marketplace: '', state: '', page: 1 })}`}>
            Show all products
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="empty-list">
      <p className="empty-state">
        <strong>No products yet.</strong> Paste an ASIN or an Amazon product link into the box above and choose <em>Add product</em>.
      </p>
      <p className="description">
        PassiveWP fetches the title, image and price from Amazon and keeps them fresh on a schedule, so your pages never show a stale price.
      </p>
    </div>
  );
}
