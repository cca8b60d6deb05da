/** Just enough of the Creators API answer shapes for tests to read them without casts to any. */
export interface MoneyShape {
  amount: number;
  currency: string;
  displayAmount: string;
}

export interface ListingShape {
  isBuyBoxWinner?: boolean;
  availability?: { type: string; message: string };
  merchantInfo?: { id: string; name: string };
  price?: { money: MoneyShape; savings?: { money: MoneyShape; percentage: number }; savingBasis?: { money: MoneyShape; savingBasisType: string; savingBasisTypeLabel: string } };
}

export interface ImageShape {
  url: string;
  height: number;
  width: number;
}

export interface ItemShape {
  asin: string;
  detailPageURL: string;
  parentASIN?: string;
  itemInfo?: { title?: { displayValue: string; label: string; locale: string }; features?: { displayValues: string[] } };
  images?: { primary?: { large?: ImageShape; hiRes?: ImageShape } };
  offersV2?: { listings: ListingShape[] };
  customerReviews?: { count?: number; starRating?: { value: number } };
  variationAttributes?: { name: string; value: string }[];
}

export interface BrowseNodeShape {
  id: string;
  displayName: string;
  isRoot: boolean;
  ancestor?: BrowseNodeShape;
  children?: { id: string; displayName: string }[];
}

export interface VariationSummaryShape {
  pageCount: number;
  variationCount: number;
  price?: { highestPrice?: MoneyShape; lowestPrice?: MoneyShape };
  variationDimensions?: { name: string; values: string[] }[];
}

export const itemsOf = (body: Record<string, unknown>): ItemShape[] => (body.itemsResult as { items: ItemShape[] } | undefined)?.items ?? [];
