import { describe, expect, it } from 'vitest';
import { parseProductReference } from '../../src/domain/products/parse-product-reference.js';
import { MARKETPLACES } from '../../src/domain/marketplaces/catalogue.js';

describe('adding a product by ASIN or by product address', () => {
  it('takes a bare ASIN (and an ISBN-10), in any case, with no marketplace', () => {
    expect(parseProductReference(' b08n5wrwnw ')).toEqual({ ok: true, value: { asin: 'B08N5WRWNW', marketplace: null } });
    expect(parseProductReference('030640615X')).toEqual({ ok: true, value: { asin: '030640615X', marketplace: null } });
  });

  it.each([
    ['https://www.amazon.de/dp/B08N5WRWNW', 'de'],
    ['https://www.amazon.com/Echo-Dot-5th-Gen/dp/B09B8V1LZ3/ref=sr_1_1?keywords=echo&qid=1700000000', 'us'],
    ['https://www.amazon.co.uk/gp/product/B07PGL2ZSL/?th=1', 'uk'],
    ['https://www.amazon.co.jp/gp/aw/d/B0BDHWDR12?psc=1', 'jp'],
    ['amazon.com.au/Some-Slug/dp/B0C1H26C46', 'au'],
    ['http://amazon.fr/exec/obidos/ASIN/2070612759', 'fr'],
    ['https://smile.amazon.de/dp/B08N5WRWNW#reviews', 'de'],
    ['https://www.amazon.com.be/-/en/dp/B0BSHF7WHW', 'be'],
  ])('reads %s', (address, marketplace) => {
    const parsed = parseProductReference(address);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(parsed.value.marketplace).toBe(marketplace);
  });

  it('knows the product address of every supported store', () => {
    for (const store of MARKETPLACES) {
      expect(parseProductReference(`https://${store.domain}/dp/B08N5WRWNW`)).toEqual({ ok: true, value: { asin: 'B08N5WRWNW', marketplace: store.code } });
    }
  });

  it.each([
    ['', /Not an ASIN/],
    ['B08N5WRWN', /Not an ASIN/],
    ['https://', /Enter an ASIN/],
    ['https://amzn.to/3xYzAbC', /Short links/],
    ['https://www.amazon.de/s?k=kaffee', /not a product page/],
    ['https://www.amazon.de/gp/bestsellers/', /not a product page/],
    ['https://www.amazon.cn/dp/B08N5WRWNW', /not one of the Amazon stores/],
    ['https://example.com/dp/B08N5WRWNW', /not one of the Amazon stores/],
    ['https://www.amazon.de/dp/B08N5WRWNWX', /not a product page/],
  ])('refuses %s with advice', (input, message) => {
    const parsed = parseProductReference(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
