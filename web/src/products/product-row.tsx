import type { ProductView } from '../api/product-types.js';
import { ProductPrice } from './product-price.js';
import { marketplaceName, productSourceLabel } from './product-labels.js';
import { ProductStateBadge } from './product-state-badge.js';
import { ProductThumbnail } from './product-thumbnail.js';
import { RelativeTime } from './relative-time.js';

interface ProductRowProps {
  product: ProductView;
  timeZone: string;
  now: number;
  /** Its marketplace's credential was refused by Amazon: no refresh until that is fixed. */
  paused: boolean;
  onRefresh(product: ProductView): void;
  onRemove(product: ProductView): void;
}

/** One product; on a phone the cells stack into a card, each named by its column. */
export function ProductRow({ product, timeZone, now, paused, onRefresh, onRemove }: ProductRowProps) {
  const refreshing = product.state === 'refreshing';
  const name = product.title ?? product.asin;
  return (
    <tr className={`product-row is-${product.state.replace('_', '-')}`} data-asin={product.asin}>
      <td className="column-thumb">
        <ProductThumbnail url={product.imageUrl} />
      </td>
      <th scope="row" className="column-title">
        <strong className={product.title ? 'product-title' : 'product-title is-untitled'}>{name}</strong>
        <div className="row-actions">
          <button type="button" className="button-link" onClick={() => onRefresh(product)} disabled={refreshing} aria-disabled={refreshing}>
            Refresh now<span className="screen-reader-text"> {name}</span>
          </button>
          <span aria-hidden="true"> | </span>
          <button type="button" className="button-link button-link-delete" onClick={() => onRemove(product)}>
            Remove<span className="screen-reader-text"> {name}</span>
          </button>
          {product.detailPageUrl && (
            <>
              <span aria-hidden="true"> | </span>
              <a href={product.detailPageUrl} target="_blank" rel="noopener noreferrer">
                View on Amazon<span className="screen-reader-text"> (opens in a new tab)</span>
              </a>
            </>
          )}
        </div>
      </th>
      <td className="column-asin" data-label="ASIN">
        <code>{product.asin}</code>
      </td>
      <td className="column-marketplace" data-label="Marketplace">
        <span className="country-code">{product.marketplace.toUpperCase()}</span> {marketplaceName(product.marketplace)}
      </td>
      <td className="column-state" data-label="State">
        <ProductStateBadge state={product.state} />
        {paused ? (
          <span className="product-note is-paused">Refreshes are paused: see the notice at the top.</span>
        ) : (
          !product.fetchedAt && product.state === 'stale' && <span className="product-note">Not fetched yet.</span>
        )}
        {product.message && (
          <span className="product-cause">
            {product.message} {product.cause && <code className="cause-code">{product.cause}</code>}
          </span>
        )}
        {product.fix && (
          <span className="check-fix">
            <strong>Fix:</strong> {product.fix}
          </span>
        )}
      </td>
      <td className="column-price" data-label="Price">
        <ProductPrice product={product} timeZone={timeZone} now={now} />
      </td>
      <td className="column-source" data-label="Source">
        {product.source ? productSourceLabel(product.source) : <span className="none">—</span>}
      </td>
      <td className="column-refreshed" data-label="Last refreshed">
        {product.fetchedAt ? <RelativeTime iso={product.fetchedAt} timeZone={timeZone} now={now} past /> : <span className="none">never</span>}
      </td>
      <td className="column-next" data-label="Next refresh">
        {paused ? (
          <span className="none">paused</span>
        ) : product.nextRefreshAt ? (
          <RelativeTime iso={product.nextRefreshAt} timeZone={timeZone} now={now} due />
        ) : (
          <span className="none">—</span>
        )}
      </td>
    </tr>
  );
}
