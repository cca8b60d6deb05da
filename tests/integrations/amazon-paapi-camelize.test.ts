import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMarketplace } from '../../src/domain/marketplaces/find-marketplace.js';
import type { Marketplace } from '../../src/domain/marketplaces/catalogue.js';
import { PRODUCT_RESOURCES, type AmazonItem, type AmazonItemError } from '../../src/integrations/amazon/amazon-item.js';
import { collectItemErrors } from '../../src/integrations/amazon/collect-item-errors.js';
import { mapAmazonItem } from '../../src/integrations/amazon/map-amazon-item.js';
import { camelizeKey, camelizePaapi } from '../../src/integrations/amazon-paapi/camelize-paapi.js';
import { toPaapiRequest, toPaapiResource } from '../../src/integrations/amazon-paapi/to-paapi-request.js';

const fixture: unknown = JSON.parse(readFileSync(new URL('./amazon-paapi/get-items-response.json', import.meta.url), 'utf8'));
const de = findMarketplace('de') as Marketplace;

describe('camelizePaapi', () => {
  it.each([
    ['ASIN', 'asin'],
    ['ParentASIN', 'parentASIN'],
    ['DetailPageURL', 'detailPageURL'],
    ['URL', 'url'],
    ['SearchURL', 'searchURL'],
    ['HiRes', 'hiRes'],
    ['IsBuyBoxWinner', 'isBuyBoxWinner'],
    ['DisplayAmount', 'displayAmount'],
    ['ItemsResult', 'itemsResult'],
    ['Errors', 'errors'],
    ['Code', 'code'],
    ['Message', 'message'],
    ['OffersV2', 'offersV2'],
    ['EANs', 'eans'],
    ['ViolatesMAP', 'violatesMAP'],
    ['Id', 'id'],
    ['__type', '__type'],
  ])('%s → %s', (pascal, camel) => {
    expect(camelizeKey(pascal)).toBe(camel);
  });

  it('rewrites keys at every depth, inside arrays too, and leaves values alone', () => {
    expect(camelizePaapi({ A: [{ URL: 'https://x/Y?Tag=Z', N: 1, B: null }], __type: 'com.amazon.paapi5#ErrorData' })).toEqual({
      a: [{ url: 'https://x/Y?Tag=Z', n: 1, b: null }],
      __type: 'com.amazon.paapi5#ErrorData',
    });
  });
});

describe('a PA-API GetItems answer, camelized and mapped', () => {
  const json = camelizePaapi(fixture) as { itemsResult: { items: AmazonItem[] }; errors: AmazonItemError[] };
  const fetchedAt = '2026-03-01T12:00:00.000Z';
  const [kettle, teapot] = json.itemsResult.items.map((item) => mapAmazonItem(item, { marketplace: 'de', source: 'paapi', fetchedAt }));

  it('takes price, savings, list price and availability from the buy-box listing, not the first one', () => {
    expect(kettle?.price).toEqual({ amount: 29.99, currency: 'EUR', display: '29,99 €' });
    expect(kettle?.savings).toEqual({ money: { amount: 10, currency: 'EUR', display: '10,00 €' }, percentage: 25 });
    expect(kettle?.listPrice).toEqual({ amount: 39.99, currency: 'EUR', display: '39,99 €', basis: 'LIST_PRICE', label: 'UVP:' });
    expect(kettle?.availability).toEqual({ type: 'IN_STOCK_SCARCE', message: 'Nur noch 3 auf Lager' });
  });

  it('keeps identity, texts, rating and images', () => {
    expect(kettle).toMatchObject({
      asin: 'B0PAAPI001',
      parentAsin: 'B0PAAPIPAR',
      marketplace: 'de',
      title: 'Wasserkocher Edelstahl 1,7 l',
      brand: 'Beispielmarke',
      features: ['1,7 Liter', '2200 Watt'],
      rating: { stars: 4.6, count: 1234 },
      source: 'paapi',
      fetchedAt,
    });
    expect(kettle?.images).toEqual({
      primary: { url: 'https://m.media-amazon.com/images/I/41kettle._SL500_.jpg', width: 375, height: 500 },
      variants: [
        { url: 'https://m.media-amazon.com/images/I/51side._SL500_.jpg', width: 500, height: 500 },
        { url: 'https://m.media-amazon.com/images/I/61back.jpg', width: 1500, height: 1500 },
      ],
    });
  });

  it('keeps the detail page URL exactly as Amazon sent it (tag and linkCode are the attribution)', () => {
    expect(kettle?.detailPageUrl).toBe('https://www.amazon.de/dp/B0PAAPI001?tag=mytag-21&linkCode=ogi&th=1&psc=1');
  });

  it('leaves what Amazon did not send empty instead of guessing', () => {
    expect(teapot).toMatchObject({ asin: 'B0PAAPI002', title: 'Teekanne', price: null, savings: null, listPrice: null, availability: null, rating: null, parentAsin: null });
    expect(teapot?.images).toEqual({ primary: null, variants: [] });
  });

  it('reads per-ASIN errors from the camelized Errors list', () => {
    const requested = ['B0PAAPI001', 'B0PAAPI002', 'B0PAAPIBAD', 'B0PAAPINOT', 'B0PAAPIGON'];
    expect(collectItemErrors(requested, ['B0PAAPI001', 'B0PAAPI002'], json.errors)).toEqual([
      { asin: 'B0PAAPIBAD', cause: 'item_not_found', vendorCode: 'InvalidParameterValue', message: 'The ItemId B0PAAPIBAD provided in the request is invalid.' },
      { asin: 'B0PAAPINOT', cause: 'item_not_accessible', vendorCode: 'ItemNotAccessible', message: 'The ItemId B0PAAPINOT is not accessible through the Product Advertising API.' },
      { asin: 'B0PAAPIGON', cause: 'item_not_found', vendorCode: 'Missing', message: 'Amazon returned nothing for B0PAAPIGON.' },
    ]);
  });
});

describe('toPaapiRequest', () => {
  it.each([
    ['itemInfo.title', 'ItemInfo.Title'],
    ['offersV2.listings.price', 'OffersV2.Listings.Price'],
    ['offersV2.listings.isBuyBoxWinner', 'OffersV2.Listings.IsBuyBoxWinner'],
    ['images.primary.large', 'Images.Primary.Large'],
    ['customerReviews.starRating', 'CustomerReviews.StarRating'],
    ['parentASIN', 'ParentASIN'],
    ['browseNodes.ancestor', 'BrowseNodes.Ancestor'],
  ])('resource %s → %s', (camel, pascal) => {
    expect(toPaapiResource(camel)).toBe(pascal);
  });

  it('builds a GetItems body with partner type, store host and ASIN id type', () => {
    expect(toPaapiRequest({ partnerTag: 'mytag-21', itemIds: ['B0PAAPI001'], resources: [...PRODUCT_RESOURCES], languagesOfPreference: ['de_DE'], currencyOfPreference: 'EUR', condition: 'New' }, de)).toEqual({
      PartnerTag: 'mytag-21',
      PartnerType: 'Associates',
      Marketplace: 'www.amazon.de',
      ItemIds: ['B0PAAPI001'],
      ItemIdType: 'ASIN',
      Resources: PRODUCT_RESOURCES.map(toPaapiResource),
      LanguagesOfPreference: ['de_DE'],
      CurrencyOfPreference: 'EUR',
      Condition: 'New',
    });
  });

  it('names every SearchItems filter in PascalCase and drops absent ones', () => {
    const body = toPaapiRequest(
      {
        partnerTag: 'mytag-21', keywords: 'kettle', searchIndex: 'Kitchen', itemCount: 5, itemPage: 2, sortBy: 'Price:LowToHigh', browseNodeId: '3167641',
        availability: 'Available', deliveryFlags: ['Prime'], minPrice: 1000, maxPrice: 5000, minReviewsRating: 4, minSavingPercent: 10,
        actor: 'a', artist: 'b', author: 'c', brand: 'd', title: 'e', condition: undefined,
      },
      de,
    );
    expect(body).toEqual({
      PartnerTag: 'mytag-21', PartnerType: 'Associates', Marketplace: 'www.amazon.de', Keywords: 'kettle', SearchIndex: 'Kitchen', ItemCount: 5, ItemPage: 2,
      SortBy: 'Price:LowToHigh', BrowseNodeId: '3167641', Availability: 'Available', DeliveryFlags: ['Prime'], MinPrice: 1000, MaxPrice: 5000,
      MinReviewsRating: 4, MinSavingPercent: 10, Actor: 'a', Artist: 'b', Author: 'c', Brand: 'd', Title: 'e',
    });
  });

  it('spells the variation and browse-node fields as PA-API does', () => {
    expect(toPaapiRequest({ partnerTag: 't-21', asin: 'B0PAAPI001', variationCount: 3, variationPage: 2 }, de)).toMatchObject({ ASIN: 'B0PAAPI001', VariationCount: 3, VariationPage: 2 });
    expect(toPaapiRequest({ partnerTag: 't-21', browseNodeIds: ['3167641'], resources: ['browseNodes.ancestor', 'browseNodes.children'] }, de)).toMatchObject({
      BrowseNodeIds: ['3167641'],
      Resources: ['BrowseNodes.Ancestor', 'BrowseNodes.Children'],
    });
  });
});
