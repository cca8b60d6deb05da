/**
 * The one product model every source (Creators API, PA-API 5.0, a PassiveWP relay) maps into.
 * Images are URLs only: Amazon's license forbids storing the images themselves.
 */
export type ProductSourceName = 'creators' | 'paapi' | 'relay';

export interface Money {
  amount: number;
  currency: string;
  /** Amazon's localized display string, e.g. "£24.99" or "R$ 588,90". */
  display: string;
}

export const AVAILABILITY_TYPES = ['IN_STOCK', 'IN_STOCK_SCARCE', 'LEADTIME', 'OUT_OF_STOCK', 'PREORDER', 'AVAILABLE_DATE', 'UNAVAILABLE', 'UNKNOWN'] as const;
export type AvailabilityType = (typeof AVAILABILITY_TYPES)[number];

export interface ProductImage {
  url: string;
  width: number | null;
  height: number | null;
}

export interface Product {
  asin: string;
  /** Marketplace code (`us`, `uk`, `de` …). */
  marketplace: string;
  parentAsin: string | null;
  title: string | null;
  brand: string | null;
  features: string[];
  images: { primary: ProductImage | null; variants: ProductImage[] };
  /** The buy-box listing's price; null when Amazon shows no offer. */
  price: Money | null;
  savings: { money: Money; percentage: number | null } | null;
  /** The reference price Amazon compares against (list price, was price …). */
  listPrice: (Money & { basis: string | null; label: string | null }) | null;
  availability: { type: AvailabilityType; message: string | null } | null;
  rating: { stars: number; count: number | null } | null;
  /**
   * As Amazon gave it (already tagged, with linkCode). Only a relay's links are changed: our tag
   * replaces the relay owner's, and one that is not an https link on this store is rebuilt from the
   * ASIN, as is any such link read back from storage (readStoredSnapshot).
   */
  detailPageUrl: string;
  source: ProductSourceName;
  fetchedAt: string;
}

export interface BrowseNode {
  id: string;
  displayName: string;
  contextFreeName: string | null;
  isRoot: boolean;
  ancestor: BrowseNode | null;
  children: BrowseNode[];
}
