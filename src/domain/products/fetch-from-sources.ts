import type { Result } from '../../shared/result.js';
import type { CauseCode } from '../connection-checks/cause-codes.js';
import type { ProductSource } from './product-source.js';
import type { SourceError } from './source-error.js';

/** One source asked, for callers that show which sources were tried (the connection check). */
export interface SourceAttempt {
  source: ProductSource['name'];
  cause: CauseCode;
  latencyMs: number;
}

/**
 * Failures that moving to another source would hide instead of fix: the owner must see them
 * (wrong credentials, wrong tag, lost eligibility) or the request itself is wrong.
 */
const STOP_CAUSES: ReadonlySet<CauseCode> = new Set([
  'credentials_invalid',
  'credential_region_mismatch',
  'associate_invalid',
  'not_eligible',
  'partner_tag_invalid',
  'relay_unauthorized',
  'request_invalid',
]);

/** Tries the sources in order; a failure that is not about auth or the request moves on to the next one. */
export async function fetchFromSources<T>(
  sources: readonly ProductSource[],
  call: (source: ProductSource) => Promise<Result<T, SourceError>>,
  onAttempt?: (attempt: SourceAttempt) => void,
): Promise<Result<T, SourceError> & { source: ProductSource['name'] }> {
  let last: (Result<T, SourceError> & { source: ProductSource['name'] }) | undefined;
  for (const source of sources) {
    const startedAt = performance.now();
    const result = await call(source);
    onAttempt?.({ source: source.name, cause: result.ok ? 'ok' : result.error.cause, latencyMs: Math.round(performance.now() - startedAt) });
    last = { ...result, source: source.name };
    if (result.ok || STOP_CAUSES.has(result.error.cause)) return last;
  }
  if (!last) throw new Error('fetchFromSources needs at least one source');
  return last;
}
