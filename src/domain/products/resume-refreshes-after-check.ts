import type { CheckRowResult } from '../connection-checks/check-run.js';
import type { EngineContext } from '../context.js';
import type { Result } from '../../shared/result.js';
import type { ResolvedSources } from './resolve-product-sources.js';
import type { SourceError } from './source-error.js';

/**
 * A connection check in which a credential answered again ends that credential's pause: refreshes
 * resume with the next cycle. `resolved` holds the sources each row was probed with.
 */
export async function resumeRefreshesAfterCheck(ctx: EngineContext, rows: readonly CheckRowResult[], resolved: ReadonlyArray<Result<ResolvedSources, SourceError>>): Promise<void> {
  const working = rows.flatMap((row, index) => {
    const sources = resolved[index];
    if (row.status === 'error' || !row.source || !sources?.ok) return [];
    return sources.value.sources.filter((source) => source.name === row.source).map((source) => source.credentialKey);
  });
  const resumed = await ctx.stores.refreshPauses.remove([...new Set(working)]);
  if (resumed) ctx.logger.info({ resumed }, 'product refreshes resumed after a successful connection check');
}
