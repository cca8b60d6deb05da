import { fetchFromSources } from '../products/fetch-from-sources.js';
import type { ProductSource } from '../products/product-source.js';
import type { CheckAttempt } from './check-run.js';
import type { ProbeOutcome } from './build-row-result.js';
import type { CheckTarget } from './list-check-targets.js';

/**
 * The cheapest catalog request that proves credentials and tag together: a one-item search for a
 * word every store sells, asking for the title only. "Nothing found" is still an answer (the
 * clients return it as an empty result), so any marketplace-specific catalogue is irrelevant.
 */
const PROBE_KEYWORDS = 'kitchen';

/**
 * Asks the sources in the mode's order until one answers, recording every attempt. The sources
 * come from the same clients product fetching uses, so the probe shares their token cache and
 * per-credential pacing (and counts against the daily quota, as Amazon does).
 */
export function probeMarketplace(target: CheckTarget, sources: readonly ProductSource[]): Promise<ProbeOutcome> {
  const tried: CheckAttempt[] = [];
  const partnerTag = target.partnerTag ?? '';
  return fetchFromSources(
    sources,
    (source) => source.searchItems({ marketplace: target.marketplace.code, partnerTag, keywords: PROBE_KEYWORDS, itemCount: 1, resources: ['itemInfo.title'] }),
    (attempt) => tried.push(attempt),
  ).then((result) => ({ source: result.source, tried, error: result.ok ? null : result.error }));
}
