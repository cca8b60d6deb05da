import { AVAILABILITY_TYPES, type AvailabilityType, type BrowseNode, type Money, type Product, type ProductImage, type ProductSourceName } from '../../domain/products/product.js';
import type { AmazonBrowseNode, AmazonItem, AmazonMoney } from './amazon-item.js';

export interface MapContext {
  marketplace: string;
  source: ProductSourceName;
  fetchedAt: string;
}

/** Maps one Amazon item into our product model; the buy-box listing gives price and availability. */
export function mapAmazonItem(item: AmazonItem, context: MapContext): Product {
  const listings = item.offersV2?.listings ?? [];
  const listing = listings.find((l) => l.isBuyBoxWinner) ?? listings[0];
  const price = toMoney(listing?.price?.money);
  const savingsMoney = toMoney(listing?.price?.savings?.money);
  const basis = listing?.price?.savingBasis;
  const basisMoney = toMoney(basis?.money);
  const stars = item.customerReviews?.starRating?.value;
  const availabilityType = listing?.availability?.type;
  return {
    asin: item.asin ?? '',
    marketplace: context.marketplace,
    parentAsin: item.parentASIN ?? null,
    title: item.itemInfo?.title?.displayValue ?? null,
    brand: item.itemInfo?.byLineInfo?.brand?.displayValue ?? item.itemInfo?.byLineInfo?.manufacturer?.displayValue ?? null,
    features: item.itemInfo?.features?.displayValues ?? [],
    images: {
      primary: toImage(item.images?.primary),
      variants: (item.images?.variants ?? []).map(toImage).filter((i): i is ProductImage => i !== null),
    },
    price,
    savings: savingsMoney ? { money: savingsMoney, percentage: listing?.price?.savings?.percentage ?? null } : null,
    listPrice: basisMoney ? { ...basisMoney, basis: basis?.savingBasisType ?? null, label: basis?.savingBasisTypeLabel ?? null } : null,
    availability: listing?.availability
      ? { type: isAvailability(availabilityType) ? availabilityType : 'UNKNOWN', message: listing.availability.message ?? null }
      : null,
    rating: typeof stars === 'number' ? { stars, count: item.customerReviews?.count ?? null } : null,
    detailPageUrl: item.detailPageURL ?? '',
    source: context.source,
    fetchedAt: context.fetchedAt,
  };
}

export function mapBrowseNode(node: AmazonBrowseNode): BrowseNode {
  return {
    id: node.id ?? '',
    displayName: node.displayName ?? '',
    contextFreeName: node.contextFreeName ?? null,
    isRoot: node.isRoot ?? false,
    ancestor: node.ancestor ? mapBrowseNode(node.ancestor) : null,
    children: (node.children ?? []).map(mapBrowseNode),
  };
}

function toMoney(money: AmazonMoney | undefined): Money | null {
  if (!money || typeof money.amount !== 'number' || !money.currency) return null;
  return { amount: money.amount, currency: money.currency, display: money.displayAmount ?? `${money.amount} ${money.currency}` };
}

function toImage(set: { large?: Img; medium?: Img; small?: Img; hiRes?: Img } | undefined): ProductImage | null {
  const image = set?.large ?? set?.medium ?? set?.hiRes ?? set?.small;
  return image?.url ? { url: image.url, width: image.width ?? null, height: image.height ?? null } : null;
}

type Img = { url?: string; width?: number; height?: number };

function isAvailability(value: string | undefined): value is AvailabilityType {
  return (AVAILABILITY_TYPES as readonly string[]).includes(value ?? '');
}
