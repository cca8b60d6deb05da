import type { QuotaStore } from '../../src/domain/ports.js';

/** A daily-quota and request-slot store in memory, for client tests that do not need the database. */
export function memoryQuota(): QuotaStore & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const nextSlot = new Map<string, number>();
  return {
    counts,
    async add(key, day, n) {
      const next = (counts.get(`${key}|${day}`) ?? 0) + n;
      counts.set(`${key}|${day}`, next);
      return next;
    },
    async used(key, day) {
      return counts.get(`${key}|${day}`) ?? 0;
    },
    async reserveSlot(key, earliestMs, spacingMs) {
      const slot = Math.max(nextSlot.get(key) ?? 0, earliestMs);
      nextSlot.set(key, slot + spacingMs);
      return slot;
    },
  };
}
