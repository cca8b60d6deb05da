import type { EngineContext } from '../context.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { productsSection } from '../settings/sections/products.js';

const HOUR_MS = 60 * 60 * 1000;

export interface RefreshPolicy {
  /** Refresh before the data is this old (Settings → Products, ≤ 24 h). */
  maxAgeMs: number;
  /** First wait before asking again for a product Amazon did not find; doubles each time. */
  notFoundRetryMs: number;
}

export async function readRefreshPolicy(ctx: EngineContext): Promise<RefreshPolicy> {
  const values = await readSectionValues(ctx, productsSection);
  return { maxAgeMs: values.maxAgeHours * HOUR_MS, notFoundRetryMs: values.notFoundRetryHours * HOUR_MS };
}
