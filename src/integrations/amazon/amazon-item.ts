/**
 * The parts of Amazon's item shape (Creators API camelCase; PA-API after camelizing) that our
 * product model reads. Everything is optional: Amazon returns only the resources asked for, and
 * omits some (reviews, offers) for many items.
 */
export interface AmazonMoney {
  amount?: number;
  currency?: string;
  displayAmount?: string;
}

interface AmazonImageSet {
  small?: AmazonImage;
  medium?: AmazonImage;
  large?: AmazonImage;
  hiRes?: AmazonImage;
}

interface AmazonImage {
  url?: string;
  height?: number;
  width?: number;
}

interface DisplayValue<T = string> {
  displayValue?: T;
}

export interface AmazonListing {
  availability?: { type?: string; message?: string };
  condition?: { value?: string };
  isBuyBoxWinner?: boolean;
  price?: {
    money?: AmazonMoney;
    savings?: { money?: AmazonMoney; percentage?: number };
    savingBasis?: { money?: AmazonMoney; savingBasisType?: string; savingBasisTypeLabel?: string };
  };
}

export interface AmazonItem {
  asin?: string;
  parentASIN?: string;
  detailPageURL?: string;
  images?: { primary?: AmazonImageSet; variants?: AmazonImageSet[] };
  itemInfo?: {
    title?: DisplayValue;
    features?: { displayValues?: string[] };
    byLineInfo?: { brand?: DisplayValue; manufacturer?: DisplayValue };
  };
  offersV2?: { listings?: AmazonListing[] };
  customerReviews?: { count?: number; starRating?: { value?: number } };
}

export interface AmazonBrowseNode {
  id?: string;
  displayName?: string;
  contextFreeName?: string;
  isRoot?: boolean;
  ancestor?: AmazonBrowseNode;
  children?: AmazonBrowseNode[];
}

export interface AmazonItemError {
  code?: string;
  message?: string;
}

/** The resources our product model needs, in Creators API spelling. */
export const PRODUCT_RESOURCES = [
  'itemInfo.title',
  'itemInfo.features',
  'itemInfo.byLineInfo',
  'images.primary.large',
  'images.variants.large',
  'offersV2.listings.price',
  'offersV2.listings.availability',
  'offersV2.listings.condition',
  'offersV2.listings.isBuyBoxWinner',
  'customerReviews.count',
  'customerReviews.starRating',
  'parentASIN',
] as const;
