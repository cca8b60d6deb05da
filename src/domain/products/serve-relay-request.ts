import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { parseInput } from '../parse-input.js';
import type { RelayTokenRecord } from '../ports.js';
import { spendRelayShare } from '../relay/spend-relay-share.js';
import { fetchFromSources } from './fetch-from-sources.js';
import type { ProductSource } from './product-source.js';
import { resolveProductSources } from './resolve-product-sources.js';
import type { SourceError } from './source-error.js';
import { getBrowseNodesRequest, getItemsRequest, getVariationsRequest, searchItemsRequest } from './source-requests.js';

export const RELAY_OPERATIONS = ['getItems', 'searchItems', 'getVariations', 'getBrowseNodes'] as const;
export type RelayOperation = (typeof RELAY_OPERATIONS)[number];

/** The asking engine's partner tag is not used: this engine asks Amazon with its own (the asker retags the links). */
const ownTag = { partnerTag: z.string().catch('') };
const REQUESTS: Record<RelayOperation, z.ZodType<{ marketplace: string }>> = {
  getItems: getItemsRequest.safeExtend(ownTag),
  searchItems: searchItemsRequest.safeExtend(ownTag),
  getVariations: getVariationsRequest.safeExtend(ownTag),
  getBrowseNodes: getBrowseNodesRequest.safeExtend(ownTag),
};

const REFUSED = 'The relay request was refused';

/**
 * Answers another PassiveWP engine's product request from this engine's own sources, paced by this
 * engine's own rate limits. The request is checked against Amazon's limits first (a malformed one
 * is refused with 400 and spends nothing), then counted against the token's daily share of the
 * quota. It is sent with this engine's partner tag (Amazon checks the tag against the
 * credentials); the asking engine puts its own tag back into the links.
 */
export async function serveRelayRequest(ctx: EngineContext, operation: RelayOperation, body: unknown, token: RelayTokenRecord): Promise<unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('validation_failed', `${REFUSED}: send a JSON object.`);
  const given = (body as { marketplace?: unknown }).marketplace;
  // A marketplace may be named by code, country or store host, as everywhere else.
  const marketplace = typeof given === 'string' ? findMarketplace(given) : undefined;
  if (!marketplace) throw new AppError('validation_failed', `${REFUSED}: it needs a known marketplace code (us, uk, de …).`, { fields: [{ field: 'marketplace', message: 'Unknown marketplace.' }] });
  const request = parseInput(REQUESTS[operation], { ...body, marketplace: marketplace.code }, REFUSED);

  const resolved = await resolveProductSources(ctx, marketplace, { forRelay: true });
  if (!resolved.ok) throw toAppError(resolved.error);
  await spendRelayShare(ctx, token);
  const { sources, partnerTag } = resolved.value;
  const call = (source: ProductSource) => source[operation]({ ...request, partnerTag } as never) as ReturnType<ProductSource['getItems']>;
  const result = await fetchFromSources(sources, call);
  if (!result.ok) throw toAppError(result.error);
  return result.value;
}

function toAppError(error: SourceError): AppError {
  return new AppError('source_failed', error.message, {
    details: { cause: error.cause, fix: error.fix, retryable: error.retryable, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) },
  });
}
