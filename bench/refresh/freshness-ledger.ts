/**
 * Keeps, per product, when its data was last fetched during one simulated day, and counts how often
 * and how long products were older than the maximum age.
 *
 * Definitions (engine-independent where it matters, so the share cannot be raised by refreshing more):
 * - M is the maximum age (Settings → Products, 23 h by default); the day is [T0, T1).
 * - required(p): the fewest refreshes that keep p within M all day, i.e. refreshing exactly at each
 *   deadline: #{k ≥ 1 : f0 + k·M ≤ T1} for a product last fetched at f0 before T0. It depends only
 *   on the starting state, never on what the engine does.
 * - p is "kept fresh" when at no instant of the day its data was older than M. A never-fetched
 *   product (cold start) counts from its first fetch on: before it there was nothing to keep fresh.
 * - capacity share = Σ required(p) over the products kept fresh / min(Σ required(p), capacity),
 *   with capacity = 10 ASINs × daily quota × credentials (requests per day of the day simulated).
 *   Extra refreshes never add to it; a product that lapses even once, for a second, counts zero;
 *   when the quota cannot cover everything, keeping the most products fresh still scores 1.
 */
export class FreshnessLedger {
  private readonly last = new Map<string, number | null>();
  private readonly initial = new Map<string, number | null>();
  private readonly lapsed = new Set<string>();
  private readonly over24h = new Set<string>();
  private readonly latenessMs: number[] = [];
  private readonly agesAtRefreshMs: number[] = [];
  private staleMs = 0;
  private refreshes = 0;
  private lateRefreshes = 0;
  private firstFetchLast = 0;

  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly maxAgeMs: number,
  ) {}

  track(id: string, fetchedAt: number | null): void {
    this.last.set(id, fetchedAt);
    this.initial.set(id, fetchedAt);
  }

  /** A successful refresh of `id` whose data was fetched at `at`. */
  refreshed(id: string, at: number): void {
    if (!this.last.has(id)) return;
    const before = this.last.get(id)!;
    this.refreshes += 1;
    if (before === null) {
      this.firstFetchLast = Math.max(this.firstFetchLast, at);
    } else {
      const age = at - before;
      this.agesAtRefreshMs.push(age);
      if (age > this.maxAgeMs) {
        this.lateRefreshes += 1;
        this.latenessMs.push(age - this.maxAgeMs);
        this.lapse(id, before, at);
      }
      if (age > DAY_MS) this.over24h.add(id);
    }
    this.last.set(id, at);
  }

  private lapse(id: string, fetchedAt: number, until: number): void {
    this.lapsed.add(id);
    this.staleMs += Math.max(0, until - Math.max(fetchedAt + this.maxAgeMs, this.start));
  }

  finish(capacityRefreshes: number) {
    let required = 0;
    let keptRequired = 0;
    let neverFetched = 0;
    for (const [id, fetchedAt] of this.last) {
      if (fetchedAt === null) {
        neverFetched += 1;
        continue;
      }
      if (this.end - fetchedAt > this.maxAgeMs) this.lapse(id, fetchedAt, this.end);
      if (this.end - fetchedAt > DAY_MS) this.over24h.add(id);
    }
    for (const [id, f0] of this.initial) {
      // Never fetched: a first fetch at T0, then one per M (the ideal an engine could not beat either).
      const from = f0 ?? this.start;
      const need = Math.floor((this.end - from) / this.maxAgeMs) + (f0 === null ? 1 : 0);
      required += need;
      if (!this.lapsed.has(id) && this.last.get(id) !== null) keptRequired += need;
    }
    const denominator = Math.min(required, capacityRefreshes);
    const products = this.last.size;
    return {
      products,
      required,
      capacityRefreshes,
      keptRequired,
      capacityShare: denominator ? keptRequired / denominator : 1,
      refreshes: this.refreshes,
      lateRefreshes: this.lateRefreshes,
      lapsedProducts: this.lapsed.size,
      over24hProducts: this.over24h.size,
      neverFetchedAtEnd: neverFetched,
      staleProductMinutes: this.staleMs / 60_000,
      /** Share of product-time within the day that had data younger than M. */
      freshTimeShare: 1 - this.staleMs / (products * (this.end - this.start)),
      lateness: summary(this.latenessMs),
      ageAtRefresh: summary(this.agesAtRefreshMs),
      /** Cold start: when the last never-fetched product got its first data. */
      allFetchedAt: this.firstFetchLast,
    };
  }
}

export type LedgerReport = ReturnType<FreshnessLedger['finish']>;

const DAY_MS = 86_400_000;

function summary(values: number[]): { n: number; median: number; p99: number; max: number; mean: number } {
  if (!values.length) return { n: 0, median: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]!, mean: sorted.reduce((s, v) => s + v, 0) / sorted.length };
}
