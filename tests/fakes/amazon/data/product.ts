import type { Category, LocalizedName } from './vocabulary.js';
import type { StockState } from './localize.js';

/** One product of the fake catalogue, independent of marketplace. */
export interface CatalogueProduct {
  asin: string;
  category: Category | 'giftcard';
  kind: string;
  /** Product name by language; for books and gift cards the full title. */
  name: LocalizedName;
  isBook: boolean;
  /** A virtual parent of a variation family: has no offers and is never a search hit. */
  isParent: boolean;
  parentAsin?: string;
  variation?: { dimension: 'color_name' | 'size_name'; value: string };
  brand: string;
  manufacturer: string;
  model: string;
  spec?: { value: number; unit: string };
  features: readonly string[];
  contributors: readonly { name: string; role: 'Author' | 'Illustrator' }[];
  browseNodeId: string;
  imageIds: readonly string[];
  /** Width / height of the photos. */
  aspect: number;
  ean: string;
  isbn?: string;
  releaseDate: string;
  pages?: number;
  basePriceUsd: number;
  /** Gift cards: Amazon does not serve them through the API. */
  accessible: boolean;
  /** Marketplace code → what that store sells it for. */
  offers: ReadonlyMap<string, MarketOffer>;
}

/** One product in one store. */
export interface MarketOffer {
  /** In the marketplace currency; null when there is no buyable offer. */
  price: number | null;
  listPrice?: number;
  stock: StockState;
  /** Units left, for IN_STOCK_SCARCE. */
  left: number;
  /** Some items come back without any offer at all. */
  hasOffers: boolean;
  rating?: { value: number; count: number };
  /** A more expensive third-party listing next to Amazon's buy-box offer. */
  secondOffer?: { price: number; merchant: string; merchantId: string };
  deal?: { badge: string; percentClaimed: number };
  salesRank: number;
}
