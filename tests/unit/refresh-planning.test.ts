import { describe, expect, it } from 'vitest';
import { displayableSnapshot } from '../../src/domain/products/display-rules.js';
import { planRefreshBatches, type RefreshCandidate } from '../../src/domain/products/plan-refresh-batches.js';
import type { Product } from '../../src/domain/products/product.js';
import { productStateAt } from '../../src/domain/products/product-state.js';
import { refreshBudget } from '../../src/domain/products/refresh-budget.js';

const DUE_BEFORE = '2026-11-24T00:00:00.000Z';
const due = (id: string, marketplace = 'us'): RefreshCandidate => ({ id, marketplace, fetchedAt: null });
const early = (id: string, marketplace = 'us'): RefreshCandidate => ({ id, marketplace, fetchedAt: '2026-11-24T00:30:00.000Z' });
const HOUR = 3_600_000;

describe('planning refresh requests', () => {
  it('puts at most 10 ASINs of one marketplace in a request, in priority order', () => {
    const candidates = [...Array.from({ length: 23 }, (_, i) => due(`u${i}`)), due('d1', 'de')];
    const batches = planRefreshBatches(candidates, DUE_BEFORE, 10);
    expect(batches.map((b) => [b.marketplace, b.productIds.length])).toEqual([['us', 10], ['us', 10], ['us', 3], ['de', 1]]);
    expect(batches[0]!.productIds[0]).toBe('u0');
  });

  it('tops up a partial request with products that may go early, never opening a request for them alone', () => {
    const candidates = [due('a'), due('b'), ...Array.from({ length: 12 }, (_, i) => early(`e${i}`)), early('x', 'de')];
    const batches = planRefreshBatches(candidates, DUE_BEFORE, 10);
    expect(batches).toEqual([{ marketplace: 'us', productIds: ['a', 'b', 'e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'] }]);
  });

  it('stops at the request budget: what comes first in priority is what gets refreshed', () => {
    const candidates = Array.from({ length: 50 }, (_, i) => due(`p${i}`, i % 2 ? 'us' : 'ca'));
    const batches = planRefreshBatches(candidates, DUE_BEFORE, 2);
    expect(batches).toHaveLength(2);
    expect(batches.flatMap((b) => b.productIds)).toEqual(expect.arrayContaining(['p0', 'p1', 'p18', 'p19']));
    expect(batches.flatMap((b) => b.productIds)).not.toContain('p20');
  });
});

describe('the request budget of one cycle', () => {
  const limits = { requestsPerSecond: 1, dailyQuota: 8640 };
  const base = { limits, cycleMs: 60_000, maxAgeMs: 23 * HOUR };

  it('never exceeds the rate: about one request per second of the cycle, with the pacer margin', () => {
    expect(refreshBudget({ ...base, usedToday: 0, now: new Date('2026-11-24T00:00:00Z'), products: 10 })).toBe(57);
  });

  it('spends freely what the rest of the day does not need, and an even share when the quota is short', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    // 1,000 products need ~53 requests for the 12 hours left; 8,000 left is plenty.
    expect(refreshBudget({ ...base, usedToday: 640, now, products: 1000 })).toBe(57);
    // 200,000 products would need far more than the 640 requests left: spread them until midnight.
    expect(refreshBudget({ ...base, usedToday: 8000, now, products: 200_000 })).toBe(1);
    expect(refreshBudget({ ...base, usedToday: 8640, now, products: 10 })).toBe(0);
  });
});

describe('product states and Amazon\'s 24 hours', () => {
  const now = '2026-11-24T12:00:00.000Z';
  const staleBefore = '2026-11-23T13:00:00.000Z';
  it('derives each state', () => {
    expect(productStateAt({ outcome: 'ok', fetchedAt: '2026-11-24T11:00:00.000Z', claimedUntil: null }, now, staleBefore)).toBe('fresh');
    expect(productStateAt({ outcome: 'ok', fetchedAt: '2026-11-23T12:00:00.000Z', claimedUntil: null }, now, staleBefore)).toBe('stale');
    expect(productStateAt({ outcome: 'pending', fetchedAt: null, claimedUntil: null }, now, staleBefore)).toBe('stale');
    expect(productStateAt({ outcome: 'ok', fetchedAt: null, claimedUntil: '2026-11-24T12:05:00.000Z' }, now, staleBefore)).toBe('refreshing');
    expect(productStateAt({ outcome: 'ok', fetchedAt: null, claimedUntil: '2026-11-24T11:59:00.000Z' }, now, staleBefore)).toBe('stale');
    for (const outcome of ['not_found', 'not_accessible', 'error'] as const) expect(productStateAt({ outcome, fetchedAt: null, claimedUntil: null }, now, staleBefore)).toBe(outcome);
  });

  it('a snapshot older than 24 hours cannot be shown, whatever asks for it', () => {
    const snapshot: Product = {
      asin: 'B0TESTASIN',
      marketplace: 'us',
      source: 'creators',
      fetchedAt: '2026-11-23T12:00:01.000Z',
      detailPageUrl: 'https://www.amazon.com/dp/B0TESTASIN?tag=site-20',
      parentAsin: null,
      title: 'A product',
      brand: null,
      features: [],
      images: { primary: null, variants: [] },
      price: null,
      savings: null,
      listPrice: null,
      availability: null,
      rating: null,
    };
    expect(displayableSnapshot(snapshot, new Date('2026-11-24T12:00:00.000Z'))).toEqual(snapshot);
    expect(displayableSnapshot(snapshot, new Date('2026-11-24T12:00:01.000Z'))).toBeNull();
    expect(displayableSnapshot(null, new Date())).toBeNull();
  });

  it('a snapshot dated in the future (a fast foreign clock) is not shown either, so it cannot outlive the 24 hours', () => {
    const now = new Date('2026-11-24T12:00:00.000Z');
    const at = (fetchedAt: string) => displayableSnapshot({ asin: 'B0TESTASIN', marketplace: 'us', source: 'relay', fetchedAt, detailPageUrl: '' }, now);
    expect(at('2026-11-24T12:04:00.000Z')).not.toBeNull();
    expect(at('2026-11-24T12:06:00.000Z')).toBeNull();
    expect(at('2099-01-01T00:00:00.000Z')).toBeNull();
  });
});
