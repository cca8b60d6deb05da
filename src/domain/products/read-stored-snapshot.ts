import { z } from 'zod';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { buildProductUrl } from '../render/build-amazon-url.js';
import { isStoreLink } from './is-store-link.js';
import type { Product } from './product.js';
import { productFields as f } from './product-schema.js';

/**
 * A stored snapshot read field by field: what is malformed (an old row, data written by an older
 * version, a hand-edited database) falls back to "not known" instead of failing the page or the
 * list. Without its identity (ASIN, store, source, fetch time) a snapshot is not shown at all.
 */
const tolerant = z.object({
  asin: f.asin,
  marketplace: f.marketplace,
  source: f.source,
  fetchedAt: f.fetchedAt,
  detailPageUrl: z.string().catch(''),
  parentAsin: f.parentAsin.catch(null),
  title: f.title.catch(null),
  brand: f.brand.catch(null),
  features: f.features.catch([]),
  images: f.images.catch({ primary: null, variants: [] }),
  price: f.price.catch(null),
  savings: f.savings.catch(null),
  listPrice: f.listPrice.catch(null),
  availability: f.availability.catch(null),
  rating: f.rating.catch(null),
});

/**
 * The snapshot as it may be used, or null. A link that is not an https address on the product's own
 * store (a `javascript:` link, another host) is never passed on: it is rebuilt from the ASIN, with
 * `tag` when the caller knows the partner tag.
 */
export function readStoredSnapshot(raw: unknown, tag: string | null = null): Product | null {
  const parsed = tolerant.safeParse(raw);
  if (!parsed.success) return null;
  const product = parsed.data;
  const store = findMarketplace(product.marketplace)!;
  return { ...product, detailPageUrl: isStoreLink(product.detailPageUrl, store) ? product.detailPageUrl : buildProductUrl(store, product.asin, tag) };
}
