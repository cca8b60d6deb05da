/** Resource names per operation, in Creators API spelling (reference §1.7). PA-API uses the PascalCase form. */
export type Operation = 'getItems' | 'searchItems' | 'getVariations' | 'getBrowseNodes';

export const OPERATIONS: readonly Operation[] = ['getItems', 'searchItems', 'getVariations', 'getBrowseNodes'];

const IMAGE_SIZES = ['small', 'medium', 'large', 'highRes'];

export const ITEM_RESOURCES: readonly string[] = [
  'browseNodeInfo.browseNodes',
  'browseNodeInfo.browseNodes.ancestor',
  'browseNodeInfo.browseNodes.salesRank',
  'browseNodeInfo.websiteSalesRank',
  'customerReviews.count',
  'customerReviews.starRating',
  ...IMAGE_SIZES.map((size) => `images.primary.${size}`),
  ...IMAGE_SIZES.map((size) => `images.variants.${size}`),
  ...['byLineInfo', 'classifications', 'contentInfo', 'contentRating', 'externalIds', 'features', 'manufactureInfo', 'productInfo', 'technicalInfo', 'title', 'tradeInInfo'].map(
    (group) => `itemInfo.${group}`,
  ),
  ...['availability', 'condition', 'dealDetails', 'isBuyBoxWinner', 'loyaltyPoints', 'merchantInfo', 'price', 'type'].map((field) => `offersV2.listings.${field}`),
  'parentASIN',
];

const BY_OPERATION: Record<Operation, ReadonlySet<string>> = {
  getItems: new Set(ITEM_RESOURCES),
  searchItems: new Set([...ITEM_RESOURCES, 'searchRefinements']),
  getVariations: new Set([...ITEM_RESOURCES, 'variationSummary.price.highestPrice', 'variationSummary.price.lowestPrice', 'variationSummary.variationDimension']),
  getBrowseNodes: new Set(['browseNodes.ancestor', 'browseNodes.children']),
};

export function resourcesFor(operation: Operation): ReadonlySet<string> {
  return BY_OPERATION[operation];
}

/** `offersV2.listings.price` → `OffersV2.Listings.Price`, `parentASIN` → `ParentASIN`. */
export function toPascalResource(resource: string): string {
  return resource
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('.');
}
