import { describe, expect, it } from 'vitest';
import { chooseVisitorMarketplace, type VisitorRouting } from '../../src/domain/geo/choose-visitor-marketplace.js';
import { COUNTRY_CODES } from '../../src/domain/geo/country-codes.js';
import { DEFAULT_VISITOR_MARKETPLACES } from '../../src/domain/geo/default-visitor-marketplaces.js';
import { MARKETPLACES } from '../../src/domain/marketplaces/catalogue.js';

const everyStore = new Set(MARKETPLACES.map((m) => m.code));
const routing = (overrides: Partial<VisitorRouting> = {}): VisitorRouting => ({ map: DEFAULT_VISITOR_MARKETPLACES, available: everyStore, defaultCountry: 'us', ...overrides });

describe('the default visitor country → store map', () => {
  it('names real countries and real stores, each country once, and never a country that has its own store except Ireland', () => {
    const countries = DEFAULT_VISITOR_MARKETPLACES.map((row) => row.country);
    expect(new Set(countries).size).toBe(countries.length);
    for (const row of DEFAULT_VISITOR_MARKETPLACES) {
      expect(COUNTRY_CODES).toContain(row.country);
      expect(everyStore.has(row.marketplace), row.marketplace).toBe(true);
    }
    const withOwnStore = new Set(MARKETPLACES.map((m) => m.country));
    expect(countries.filter((c) => withOwnStore.has(c))).toEqual(['IE']);
  });

  it('sends Austria to amazon.de, New Zealand to amazon.com.au and Ireland to amazon.ie by default', () => {
    expect(chooseVisitorMarketplace('AT', routing())).toMatchObject({ marketplace: { domain: 'www.amazon.de' }, reason: 'mapped' });
    expect(chooseVisitorMarketplace('NZ', routing())).toMatchObject({ marketplace: { domain: 'www.amazon.com.au' }, reason: 'mapped' });
    expect(chooseVisitorMarketplace('IE', routing())).toMatchObject({ marketplace: { domain: 'www.amazon.ie' }, reason: 'mapped' });
  });

  it('lets the owner send Ireland to amazon.co.uk instead', () => {
    const map = DEFAULT_VISITOR_MARKETPLACES.map((row) => (row.country === 'IE' ? { country: 'IE', marketplace: 'uk' } : row));
    expect(chooseVisitorMarketplace('IE', routing({ map }))).toMatchObject({ marketplace: { code: 'uk', domain: 'www.amazon.co.uk' }, reason: 'mapped', reasonText: 'IE is mapped to www.amazon.co.uk.' });
  });
});

describe('choosing a visitor’s store', () => {
  it('sends a visitor from a country with its own store there, the UK included', () => {
    expect(chooseVisitorMarketplace('GB', routing())).toMatchObject({ marketplace: { code: 'uk' }, reason: 'own_store' });
    expect(chooseVisitorMarketplace('JP', routing())).toMatchObject({ marketplace: { code: 'jp' }, reason: 'own_store' });
  });

  it('sends visitors of unmapped countries, and of addresses without a country, to the Default Country', () => {
    expect(chooseVisitorMarketplace('KE', routing({ defaultCountry: 'uk' }))).toMatchObject({ marketplace: { code: 'uk' }, reason: 'default_country' });
    expect(chooseVisitorMarketplace(null, routing({ defaultCountry: 'de' }))).toMatchObject({ marketplace: { code: 'de' }, reason: 'unknown_country' });
  });

  it('never sends a visitor to a store without a tag: a mapped or own store that is not enabled falls back to the Default Country', () => {
    const onlyUs = routing({ available: new Set(['us']), defaultCountry: 'us' });
    expect(chooseVisitorMarketplace('AT', onlyUs)).toMatchObject({ marketplace: { code: 'us' }, reason: 'store_not_enabled' });
    expect(chooseVisitorMarketplace('DE', onlyUs)).toMatchObject({ marketplace: { code: 'us' }, reason: 'store_not_enabled' });
    expect(chooseVisitorMarketplace('AT', onlyUs).reasonText).toBe('AT is mapped to www.amazon.de, which is not enabled in Settings → Amazon: sent to the Default Country’s store, www.amazon.com.');
  });
});
