import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import { CAUSES, type CauseCode } from '../../domain/connection-checks/cause-codes.js';
import type { Product } from '../../domain/products/product.js';
import type { ProductSource } from '../../domain/products/product-source.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { getBrowseNodesRequest, getItemsRequest, getVariationsRequest, searchItemsRequest } from '../../domain/products/source-requests.js';
import { parseRetryAfter } from '../amazon/parse-retry-after.js';
import { sendRequest } from '../amazon/send-request.js';
import { validateRequest } from '../amazon/validate-request.js';

export interface RelayClientOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

/** Product data from another PassiveWP engine (`/api/relay/v1/*`), authenticated by a bearer token. */
export function createRelayClient(options: RelayClientOptions): ProductSource {
  const base = options.url.replace(/\/+$/, '');

  async function call<T>(operation: string, schema: z.ZodType, request: unknown, finish: (value: T, partnerTag: string) => T): Promise<Result<T, SourceError>> {
    const valid = validateRequest(schema, request);
    if (!valid.ok) return valid;
    const body = valid.value as { partnerTag: string };
    const sent = await sendRequest({
      url: `${base}/api/relay/v1/${operation}`,
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    if (!sent.ok) {
      return err(sourceError('relay_unreachable', { message: `The relay at ${base} could not be reached: ${sent.error.message}`, vendorCode: sent.error.cause }));
    }
    const { status, json, headers } = sent.value;
    const answer = (json ?? {}) as { result?: T; code?: string; cause?: string; message?: string; fix?: string; retryable?: boolean; retryAfterMs?: number };
    if (status === 200 && answer.result !== undefined) return ok(finish(answer.result, body.partnerTag));
    if (status === 401 || status === 403) return err(sourceError('relay_unauthorized', { httpStatus: status, vendorMessage: answer.message }));
    if (status === 429) return err(sourceError('throttled', { httpStatus: status, retryAfterMs: parseRetryAfter(headers.get('retry-after')) }));
    if (answer.code === 'source_failed' && isCause(answer.cause)) {
      // The relay's own Amazon call failed: pass its diagnosis on, saying where it happened.
      return err(sourceError(answer.cause, {
        httpStatus: status,
        message: `The relay reports: ${answer.message ?? CAUSES[answer.cause].message}`,
        ...(answer.fix ? { fix: answer.fix } : {}),
        ...(answer.retryAfterMs ? { retryAfterMs: answer.retryAfterMs } : {}),
      }));
    }
    if (status === 404) return err(sourceError('relay_unreachable', { httpStatus: status, message: `${base} does not answer relay requests; check the Relay URL.` }));
    return err(sourceError(status >= 500 ? 'relay_unreachable' : 'unexpected_response', { httpStatus: status, message: `The relay answered ${status}: ${answer.message ?? 'no explanation'}.` }));
  }

  const retag = (products: Product[], partnerTag: string) => products.map((p) => ({ ...p, source: 'relay' as const, detailPageUrl: withPartnerTag(p.detailPageUrl, partnerTag) }));

  return {
    name: 'relay',
    credentialKey: `relay:${base}`,
    getItems: (request) => call('getItems', getItemsRequest, request, (v: { items: Product[]; itemErrors: never[] }, tag) => ({ ...v, items: retag(v.items, tag) })),
    searchItems: (request) => call('searchItems', searchItemsRequest, request, (v: { items: Product[]; totalResultCount: number; searchUrl: string | null }, tag) => ({ ...v, items: retag(v.items, tag) })),
    getVariations: (request) => call('getVariations', getVariationsRequest, request, (v: { items: Product[]; variationCount: number | null; pageCount: number | null }, tag) => ({ ...v, items: retag(v.items, tag) })),
    getBrowseNodes: (request) => call('getBrowseNodes', getBrowseNodesRequest, request, (v) => v),
  } as ProductSource;
}

/**
 * The relay's links carry the relay owner's tag; ours must earn for us. Only the `tag` parameter
 * changes, everything else Amazon put into the URL (linkCode …) stays.
 */
export function withPartnerTag(detailPageUrl: string, partnerTag: string): string {
  try {
    const url = new URL(detailPageUrl);
    url.searchParams.set('tag', partnerTag);
    return url.toString();
  } catch {
    return detailPageUrl;
  }
}

function isCause(value: unknown): value is CauseCode {
  return typeof value === 'string' && value in CAUSES;
}
