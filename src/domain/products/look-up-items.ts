import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { fetchFromSources } from './fetch-from-sources.js';
import type { GetItemsResult } from './product-source.js';
import type { ProductSourceName } from './product.js';
import { resolveProductSources } from './resolve-product-sources.js';
import type { SourceError } from './source-error.js';

export type LookUpOutcome = { ok: true; source: ProductSourceName; value: GetItemsResult } | { ok: false; source: ProductSourceName | null; error: SourceError };

/** Asks the configured sources for up to 10 ASINs in one marketplace, as a refresh would. */
export async function lookUpItems(ctx: EngineContext, input: { asins: string[]; marketplace: string }): Promise<LookUpOutcome> {
  const marketplace = findMarketplace(input.marketplace);
  if (!marketplace) throw new AppError('validation_failed', `Unknown marketplace "${input.marketplace}".`, { fields: [{ field: 'marketplace', message: 'Unknown marketplace.' }] });
  const resolved = await resolveProductSources(ctx, marketplace);
  if (!resolved.ok) return { ok: false, source: null, error: resolved.error };
  const { sources, partnerTag } = resolved.value;
  const result = await fetchFromSources(sources, (s) => s.getItems({ marketplace: marketplace.code, partnerTag, itemIds: input.asins }));
  return result.ok ? { ok: true, source: result.source, value: result.value } : { ok: false, source: result.source, error: result.error };
}
