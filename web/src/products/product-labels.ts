import type { ProductSourceName, ProductState } from '../api/product-types.js';
import { findMarketplace } from '../amazon/marketplace-options.js';

export const STATE_LABELS: Record<ProductState, string> = {
  fresh: 'Fresh',
  stale: 'Stale',
  refreshing: 'Refreshing',
  not_found: 'Not found',
  not_accessible: 'Not accessible',
  error: 'Error',
};

export const PRODUCT_SOURCE_LABELS: Record<ProductSourceName, string> = {
  creators: 'Creators API',
  paapi: 'PA-API 5.0',
  relay: 'PassiveWP relay',
};

export const productSourceLabel = (source: string): string => PRODUCT_SOURCE_LABELS[source as ProductSourceName] ?? source;

/** "Germany"; an unknown code as it came. */
export const marketplaceName = (code: string): string => findMarketplace(code)?.name ?? code.toUpperCase();

/** "B0C1234567 (Germany)": how notices name a product. */
export const productName = (product: { asin: string; marketplace: string }): string => `${product.asin} (${marketplaceName(product.marketplace)})`;
