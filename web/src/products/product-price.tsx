import type { ProductView } from '../api/product-types.js';
import { formatWhen } from '../dashboard/format-when.js';
import { formatClock, formatShortAge } from './format-times.js';

/** "$24.99 · as of 13:05, 2 h ago"; without a price "—", and "price expired" once the last snapshot is too old to show one. */
export function ProductPrice({ product, timeZone, now }: { product: ProductView; timeZone: string; now: number }) {
  const { price } = product;
  if (!price) {
    return (
      <>
        <span className="none" aria-label="No price">
          —
        </span>
        {product.snapshotExpired && <span className="badge badge-expired">price expired</span>}
      </>
    );
  }
  return (
    <>
      <strong className="product-price-amount">{price.display}</strong>{' '}
      <span className="product-price-time">
        · as of{' '}
        <time dateTime={price.fetchedAt} title={formatWhen(price.fetchedAt, timeZone)}>
          {formatClock(price.fetchedAt, timeZone, now)}, {formatShortAge(price.fetchedAt, now, { past: true })}
        </time>
      </span>
    </>
  );
}
