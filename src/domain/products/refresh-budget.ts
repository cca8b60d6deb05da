export interface BudgetInput {
  limits: { requestsPerSecond: number; dailyQuota: number };
  /** Requests this credential has sent today (UTC), counted by the pacer. */
  usedToday: number;
  now: Date;
  cycleMs: number;
  maxAgeMs: number;
  /** Products this credential keeps fresh. */
  products: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How many requests one credential may spend in the next cycle. Never more than its rate allows
 * in a cycle (with the pacer's margin) or than is left of today's quota. Within that, it spends
 * freely what the rest of the day's refreshes will not need, and otherwise an even share of what
 * is left, so the quota lasts until midnight UTC instead of running dry in the morning.
 */
export function refreshBudget({ limits, usedToday, now, cycleMs, maxAgeMs, products }: BudgetInput): number {
  const spacingMs = (1000 / limits.requestsPerSecond) * 1.05;
  const rateCap = Math.max(1, Math.floor(cycleMs / spacingMs));
  const remaining = Math.max(0, limits.dailyQuota - usedToday);
  const msLeft = DAY_MS - (now.getTime() % DAY_MS);
  const evenShare = Math.ceil(remaining * Math.min(1, cycleMs / msLeft));
  const neededRestOfDay = Math.ceil((products * (msLeft / maxAgeMs)) / 10);
  const spare = remaining - neededRestOfDay;
  return Math.min(rateCap, remaining, Math.max(evenShare, spare));
}
