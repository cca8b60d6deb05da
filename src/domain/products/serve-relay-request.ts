import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { fetchFromSources } from './fetch-from-sources.js';
import type { ProductSource } from './product-source.js';
import { resolveProductSources } from './resolve-product-sources.js';
import type { SourceError } from './source-error.js';

export const RELAY_OPERATIONS = ['getItems', 'searchItems', 'getVariations', 'getBrowseNodes'] as const;
export type RelayOperation = (typeof RELAY_OPERATIONS)[number];

const envelope = z.object({ marketplace: z.string().min(1, { error: 'marketplace is required' }) }).passthrough();

/**
 * Answers another PassiveWP engine's product request from this engine's own sources, paced by this
 * engine's own rate limits. The request is sent with this engine's partner tag (Amazon checks the
 * tag against the credentials); the asking engine puts its own tag back into the links.
 */
export async function serveRelayRequest(ctx: EngineContext, operation: RelayOperation, request: unknown): Promise<unknown> {
  const parsed = envelope.safeParse(request);
  const marketplace = parsed.success ? findMarketplace(parsed.data.marketplace) : undefined;
  if (!parsed.success || !marketplace) throw new AppError('validation_failed', 'The relay request needs a known marketplace code.', { fields: [{ field: 'marketplace', message: 'Unknown marketplace.' }] });

  const resolved = await resolveProductSources(ctx, marketplace, { forRelay: true });
  if (!resolved.ok) throw toAppError(resolved.error);
  const { sources, partnerTag } = resolved.value;
  const call = (source: ProductSource) => source[operation]({ ...parsed.data, marketplace: marketplace.code, partnerTag } as never) as ReturnType<ProductSource['getItems']>;
  const result = await fetchFromSources(sources, call);
  if (!result.ok) throw toAppError(result.error);
  return result.value;
}

function toAppError(error: SourceError): AppError {
  return new AppError('source_failed', error.message, {
    details: { cause: error.cause, fix: error.fix, retryable: error.retryable, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) },
  });
}
