import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../src/domain/marketplaces/catalogue.js';
import { DEMO_CREDENTIALS, demoCredential, demoTag, fakeCatalogue, startFakeAmazon } from '../fakes/amazon/index.js';
import { generateCatalogue, MAIN_MARKETPLACES } from '../fakes/amazon/data/generate-catalogue.js';
import { bearer, creatorsCall, tokenFor } from '../fakes/amazon/testing/fake-amazon-client.js';

const ASIN = /^(?:[0-9]{9}[0-9X]|[A-Z][A-Z0-9]{9})$/;

describe('fake catalogue data', () => {
  it('is generated identically every time', () => {
    const flatten = (products: ReturnType<typeof generateCatalogue>) => JSON.stringify(products.map((p) => ({ ...p, offers: [...p.offers] })));
    expect(flatten(generateCatalogue())).toBe(flatten(generateCatalogue()));
  });

  it('serves the same item from two separately started servers', async () => {
    const bodies: unknown[] = [];
    for (let run = 0; run < 2; run++) {
      const fake = await startFakeAmazon({ credentials: DEMO_CREDENTIALS });
      try {
        const token = await tokenFor(fake.origin, demoCredential('3.3'));
        const w = fakeCatalogue.wellKnown('jp');
        const answer = await creatorsCall(fake.origin, 'getItems', {
          authorization: bearer(token, '3.3'), marketplaceDomain: 'www.amazon.co.jp',
          body: { partnerTag: demoTag('jp'), itemIds: [w.onSale, w.book], resources: ['itemInfo.title', 'itemInfo.byLineInfo', 'offersV2.listings.price', 'images.primary.large', 'customerReviews.count'] },
        });
        expect(answer.status).toBe(200);
        bodies.push(answer.body);
      } finally {
        await fake.close();
      }
    }
    expect(bodies[1]).toEqual(bodies[0]);
  });

  it('has a few hundred valid, unique ASINs over every marketplace, most in the main ten', () => {
    const asins = fakeCatalogue.products.map((p) => p.asin);
    expect(new Set(asins).size).toBe(asins.length);
    expect(asins.every((a) => ASIN.test(a))).toBe(true);
    expect(fakeCatalogue.products.filter((p) => !p.isParent && p.accessible).length).toBeGreaterThanOrEqual(300);
    for (const code of MAIN_MARKETPLACES) expect(fakeCatalogue.asins(code).length).toBeGreaterThan(120);
    for (const m of MARKETPLACES) expect(fakeCatalogue.asins(m.code).length).toBeGreaterThan(40);
  });

  it('gives every marketplace well-known ASINs that are what they say', () => {
    for (const m of MARKETPLACES) {
      const w = fakeCatalogue.wellKnown(m.code);
      const item = (asin: string) => fakeCatalogue.item(m.code, asin);
      expect(item(w.inStock)).toMatchObject({ availability: 'IN_STOCK', listPrice: null });
      expect(item(w.inStock)?.rating).toBeDefined();
      expect(item(w.onSale)?.listPrice?.amount).toBeGreaterThan(item(w.onSale)?.price?.amount ?? Infinity);
      expect(item(w.noReviews)?.rating).toBeUndefined();
      expect(item(w.outOfStock)).toMatchObject({ availability: 'OUT_OF_STOCK', price: null });
      expect(item(w.variationChild)?.parentAsin).toBe(w.variationParent);
      expect(item(w.variationParent)?.isParent).toBe(true);
      expect(item(w.notAccessible)?.accessible).toBe(false);
      expect(item(w.absentHere)).toBeUndefined();
      expect(fakeCatalogue.marketplacesOf(w.absentHere).length).toBeGreaterThan(0);
      expect(fakeCatalogue.marketplacesOf(w.unknown)).toEqual([]);
      for (const asin of fakeCatalogue.wellKnownAsins(m.code)) expect(fakeCatalogue.asins(m.code)).toContain(asin);
    }
  });

  it('prices in the store currency with Amazon-style display amounts', () => {
    const price = (code: string) => fakeCatalogue.item(code, fakeCatalogue.wellKnown(code).inStock)?.price;
    expect(price('de')?.displayAmount).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} €$/);
    expect(price('uk')?.displayAmount).toMatch(/^£[\d,]+\.\d{2}$/);
    expect(price('us')?.displayAmount).toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(price('jp')?.displayAmount).toMatch(/^￥[\d,]+$/);
    expect(price('jp')?.amount).toSatisfy(Number.isInteger);
    expect(price('in')?.currency).toBe('INR');
    expect(price('au')?.currency).toBe('AUD');
  });

  it('has reviews on about half of the items and a dozen variation families', () => {
    const offers = fakeCatalogue.products.filter((p) => !p.isParent).flatMap((p) => [...p.offers.values()]);
    const rated = offers.filter((o) => o.rating).length / offers.length;
    expect(rated).toBeGreaterThan(0.35);
    expect(rated).toBeLessThan(0.65);
    expect(fakeCatalogue.products.filter((p) => p.isParent).length).toBeGreaterThanOrEqual(10);
  });
});
