import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { ancestorsOf, browseNode, type BrowseNodeRecord } from '../data/browse-tree.js';
import { imageUrl, type DescribedItem } from '../data/describe-item.js';
import { amazonMerchantName, availabilityMessage, listPriceLabel, localName } from '../data/localize.js';
import { money } from '../data/money.js';
import { Random } from '../data/prng.js';
import type { CatalogueProduct, MarketOffer } from '../data/product.js';
import { BINDING } from '../data/vocabulary.js';

/** `ogi` GetItems, `osi` SearchItems, `ogv` GetVariations: the link code Amazon puts in detailPageURL. */
export type LinkCode = 'ogi' | 'osi' | 'ogv';

export interface RenderContext {
  marketplace: Marketplace;
  partnerTag: string;
  linkCode: LinkCode;
  resources: ReadonlySet<string>;
  /** getVariations items carry `variationAttributes`. */
  withVariationAttributes: boolean;
}

type Json = Record<string, unknown>;

const IMAGE_SIZES = { small: 75, medium: 160, large: 500, highRes: 1500 } as const;

const PRODUCT_GROUP: Record<CatalogueProduct['category'], string> = {
  kitchen: 'Kitchen', home: 'Home', outdoor: 'Sports', electronics: 'Electronics', books: 'Book', giftcard: 'Gift Card',
};

/**
 * One item in Creators API camelCase. Like Amazon, only requested resource groups appear, and
 * data the item does not have (reviews, offers, features of a book) is left out, not nulled.
 */
export function renderItem(item: DescribedItem, context: RenderContext): Json {
  const { product } = item;
  const asked = (prefix: string) => [...context.resources].some((r) => r === prefix || r.startsWith(`${prefix}.`));
  const out: Json = { asin: product.asin };
  if (asked('browseNodeInfo')) out.browseNodeInfo = browseNodeInfo(item, context.resources);
  const reviews = customerReviews(item.offer, context.resources);
  if (reviews) out.customerReviews = reviews;
  out.detailPageURL = detailPageUrl(context.marketplace, product.asin, context.partnerTag, context.linkCode);
  if (asked('images')) out.images = images(product, context.resources);
  if (asked('itemInfo')) out.itemInfo = itemInfo(item, context.resources);
  if (asked('offersV2') && item.offer.hasOffers && !product.isParent) out.offersV2 = { listings: listings(item, context.resources) };
  if (context.resources.has('parentASIN') && product.parentAsin) out.parentASIN = product.parentAsin;
  if (context.withVariationAttributes && product.variation) out.variationAttributes = [{ name: product.variation.dimension, value: product.variation.value }];
  return out;
}

export function detailPageUrl(marketplace: Marketplace, asin: string, partnerTag: string, linkCode: LinkCode): string {
  return `https://${marketplace.domain}/dp/${asin}?tag=${encodeURIComponent(partnerTag)}&linkCode=${linkCode}&th=1&psc=1`;
}

function customerReviews(offer: MarketOffer, resources: ReadonlySet<string>): Json | undefined {
  if (!offer.rating) return undefined;
  const out: Json = {};
  if (resources.has('customerReviews.count')) out.count = offer.rating.count;
  if (resources.has('customerReviews.starRating')) out.starRating = { value: offer.rating.value };
  return Object.keys(out).length > 0 ? out : undefined;
}

function images(product: CatalogueProduct, resources: ReadonlySet<string>): Json {
  const set = (imageId: string, group: 'primary' | 'variants'): Json => {
    const out: Json = {};
    for (const [size, pixels] of Object.entries(IMAGE_SIZES)) {
      if (!resources.has(`images.${group}.${size}`)) continue;
      const [width, height] = product.aspect >= 1 ? [pixels, Math.round(pixels / product.aspect)] : [Math.round(pixels * product.aspect), pixels];
      // The request says highRes, the answer says hiRes (reference §1.7).
      out[size === 'highRes' ? 'hiRes' : size] = { url: imageUrl(imageId, size === 'highRes' ? undefined : pixels), height, width };
    }
    return out;
  };
  const out: Json = {};
  const [primary, ...variants] = product.imageIds;
  if (primary && [...resources].some((r) => r.startsWith('images.primary.'))) out.primary = set(primary, 'primary');
  if (variants.length > 0 && [...resources].some((r) => r.startsWith('images.variants.'))) out.variants = variants.map((id) => set(id, 'variants'));
  return out;
}

function itemInfo(item: DescribedItem, resources: ReadonlySet<string>): Json {
  const { product, marketplace } = item;
  const locale = marketplace.language;
  const dv = (displayValue: unknown, label: string) => ({ displayValue, label, locale });
  const out: Json = {};
  const has = (group: string) => resources.has(`itemInfo.${group}`);

  if (has('byLineInfo')) {
    out.byLineInfo = {
      ...(product.isBook ? {} : { brand: dv(product.brand, 'Brand') }),
      ...(product.contributors.length > 0
        ? { contributors: product.contributors.map((c) => ({ name: c.name, role: c.role, roleType: c.role.toLowerCase(), locale })) }
        : {}),
      manufacturer: dv(product.manufacturer, 'Manufacturer'),
    };
  }
  if (has('classifications')) {
    const binding = product.category === 'giftcard' ? 'Gift Card' : localName(BINDING[product.category], locale);
    out.classifications = { binding: dv(binding, 'Binding'), productGroup: dv(PRODUCT_GROUP[product.category], 'ProductGroup') };
  }
  if (has('contentInfo') && product.isBook) {
    out.contentInfo = {
      languages: { displayValues: [{ displayValue: 'English', type: 'Published' }], label: 'Language', locale },
      pagesCount: dv(product.pages, 'NumberOfPages'),
      publicationDate: dv(product.releaseDate, 'PublicationDate'),
    };
  }
  if (has('externalIds')) {
    out.externalIds = {
      eans: { displayValues: [product.ean], label: 'EAN', locale },
      ...(product.isbn ? { isbns: { displayValues: [product.isbn], label: 'ISBN', locale } } : {}),
    };
  }
  if (has('features') && product.features.length > 0) out.features = { displayValues: [...product.features], label: 'Features', locale };
  if (has('manufactureInfo') && !product.isBook) out.manufactureInfo = { itemPartNumber: dv(product.model, 'PartNumber'), model: dv(product.model, 'Model') };
  if (has('productInfo')) {
    const variation = product.variation;
    out.productInfo = {
      ...(variation?.dimension === 'color_name' ? { color: dv(variation.value, 'Color') } : {}),
      isAdultProduct: dv(false, 'IsAdultProduct'),
      releaseDate: dv(product.releaseDate, 'ReleaseDate'),
      ...(variation?.dimension === 'size_name' ? { size: dv(variation.value, 'Size') } : {}),
      unitCount: dv(1, 'NumberOfItems'),
    };
  }
  if (has('title')) out.title = dv(item.title, 'Title');
  return out;
}

function browseNodeInfo(item: DescribedItem, resources: ReadonlySet<string>): Json {
  const node = browseNode(item.product.browseNodeId);
  const out: Json = {};
  if (node && resources.has('browseNodeInfo.browseNodes')) {
    out.browseNodes = [
      {
        ...(resources.has('browseNodeInfo.browseNodes.ancestor') ? { ancestor: ancestorChain(node) } : {}),
        contextFreeName: node.contextFreeName,
        displayName: node.displayName,
        id: node.id,
        isRoot: false,
        ...(resources.has('browseNodeInfo.browseNodes.salesRank') ? { salesRank: Math.ceil(item.offer.salesRank / 40) } : {}),
      },
    ];
  }
  const root = node ? (ancestorsOf(node.id).at(-1) ?? node) : undefined;
  if (root && resources.has('browseNodeInfo.websiteSalesRank')) {
    out.websiteSalesRank = { contextFreeName: root.contextFreeName, displayName: root.displayName, id: root.id, salesRank: item.offer.salesRank };
  }
  return out;
}

/** `{ id, displayName, contextFreeName, ancestor: { … } }` up to the root. */
export function ancestorChain(node: BrowseNodeRecord): Json | undefined {
  const chain = ancestorsOf(node.id);
  let out: Json | undefined;
  for (const ancestor of chain.reverse()) {
    out = { ...(out ? { ancestor: out } : {}), contextFreeName: ancestor.contextFreeName, displayName: ancestor.displayName, id: ancestor.id };
  }
  return out;
}

function listings(item: DescribedItem, resources: ReadonlySet<string>): Json[] {
  const { offer, marketplace } = item;
  const has = (field: string) => resources.has(`offersV2.listings.${field}`);
  const { currency, language } = marketplace;
  const main: Json = {};
  if (has('availability')) {
    main.availability = {
      maxOrderQuantity: offer.stock === 'IN_STOCK_SCARCE' ? offer.left : 30,
      message: availabilityMessage(offer.stock, language, offer.left),
      minOrderQuantity: 1,
      type: offer.stock,
    };
  }
  if (has('condition')) main.condition = { value: 'New' };
  if (has('dealDetails') && offer.deal) {
    main.dealDetails = { accessType: 'ALL', badge: offer.deal.badge, earlyAccessDurationInMilliseconds: 0, endTime: '2026-12-31T23:59:59Z', percentClaimed: offer.deal.percentClaimed, startTime: '2026-01-01T00:00:00Z' };
  }
  if (has('isBuyBoxWinner')) main.isBuyBoxWinner = offer.price !== null;
  if (has('loyaltyPoints') && marketplace.code === 'jp' && offer.price !== null) main.loyaltyPoints = { points: Math.floor(offer.price * 0.01) };
  if (has('merchantInfo')) main.merchantInfo = { id: amazonMerchantId(marketplace), name: amazonMerchantName(marketplace) };
  if (has('price') && item.price) {
    main.price = {
      money: item.price,
      ...(item.savings ? { savings: item.savings } : {}),
      ...(item.listPrice ? { savingBasis: { money: item.listPrice, savingBasisType: 'LIST_PRICE', savingBasisTypeLabel: listPriceLabel(marketplace) } } : {}),
    };
  }
  if (has('type') && offer.deal) main.type = 'LIGHTNING_DEAL';
  if (has('price') && item.price) main.violatesMAP = false;

  const out = [main];
  const second = offer.secondOffer;
  if (second && offer.price !== null) {
    const other: Json = {};
    if (has('availability')) other.availability = { maxOrderQuantity: 10, message: availabilityMessage('IN_STOCK', language, 0), minOrderQuantity: 1, type: 'IN_STOCK' };
    if (has('condition')) other.condition = { value: 'New' };
    if (has('isBuyBoxWinner')) other.isBuyBoxWinner = false;
    if (has('merchantInfo')) other.merchantInfo = { id: second.merchantId, name: second.merchant };
    if (has('price')) {
      other.price = { money: money(second.price, currency, language) };
      other.violatesMAP = false;
    }
    out.push(other);
  }
  return out;
}

function amazonMerchantId(marketplace: Marketplace): string {
  return `A${new Random(`merchant:${marketplace.code}`).chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 12)}`;
}
