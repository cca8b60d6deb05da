import type { z } from 'zod';
import { err, type Result } from '../../shared/result.js';
import { CAUSES } from '../../domain/connection-checks/cause-codes.js';
import { findMarketplace } from '../../domain/marketplaces/find-marketplace.js';
import type { ProductSource } from '../../domain/products/product-source.js';
import type { RelayOperation } from '../../domain/products/serve-relay-request.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { getBrowseNodesRequest, getItemsRequest, getVariationsRequest, searchItemsRequest } from '../../domain/products/source-requests.js';
import { parseRetryAfter } from '../amazon/parse-retry-after.js';
import { sendRequest } from '../amazon/send-request.js';
import { validateRequest } from '../amazon/validate-request.js';
import { ANSWER_LIMITS } from '../http/answer-limits.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { isUnderBase } from '../http/is-under-base.js';
import { parseRelayAnswer, type RelayResults } from './parse-relay-answer.js';
import { readRelayFailure } from './read-relay-failure.js';

export interface RelayClientOptions {
  url: string;
  token: string;
  /** The Relay URL the token was saved (or configured) for: it is sent nowhere else. */
  tokenBoundTo: string;
  http: OutboundHttp;
  timeoutMs?: number;
  /** The clock answers are checked against (fetch times in the future or past Amazon's 24 hours are refused). */
  now?: () => number;
}

/** Product data from another PassiveWP engine (`/api/relay/v1/*`), authenticated by a bearer token. */
export function createRelayClient(options: RelayClientOptions): ProductSource {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? Date.now;

  async function call<O extends RelayOperation>(operation: O, schema: z.ZodType, request: unknown): Promise<Result<RelayResults[O], SourceError>> {
    const valid = validateRequest(schema, request);
    if (!valid.ok) return valid;
    const body = valid.value as { marketplace: string; partnerTag: string; itemIds?: string[]; itemCount?: number; variationCount?: number };
    const url = `${base}/api/relay/v1/${operation}`;
    if (!isUnderBase(url, options.tokenBoundTo)) {
      return err(sourceError('credentials_missing', { message: `The Relay Token was saved for another Relay URL, so it is not sent to ${base}. Enter the token again together with the Relay URL.` }));
    }
    const sent = await sendRequest({
      http: options.http,
      maxBytes: ANSWER_LIMITS.relay,
      url,
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    if (!sent.ok) {
      // An answer cut off for its size did arrive: the relay answered, with something no relay should send.
      if (sent.error.cause === 'unexpected_response') {
        return err(sourceError('relay_invalid_answer', { message: `The relay’s answer was refused, nothing of it was stored: ${sent.error.message}`, vendorCode: sent.error.cause }));
      }
      return err(sourceError('relay_unreachable', { message: `The relay at ${base} could not be reached: ${sent.error.message}`, vendorCode: sent.error.cause }));
    }
    const { status, json, headers } = sent.value;
    if (status === 200) {
      const question = { marketplace: findMarketplace(body.marketplace)!, partnerTag: body.partnerTag, itemIds: body.itemIds, itemCount: body.itemCount ?? body.variationCount, now: new Date(now()) };
      return parseRelayAnswer(operation, { contentType: headers.get('content-type'), text: sent.value.text }, question);
    }
    const answer = readRelayFailure(json, [options.token]);
    if (status === 401 || status === 403) return err(sourceError('relay_unauthorized', { httpStatus: status, vendorMessage: answer.message }));
    if (status === 429) return err(sourceError('throttled', { httpStatus: status, retryAfterMs: parseRetryAfter(headers.get('retry-after')) }));
    if (answer.code === 'source_failed' && answer.cause) {
      // The relay's own Amazon call failed: pass its diagnosis on, saying where it happened.
      return err(sourceError(answer.cause, {
        httpStatus: status,
        message: `The relay reports: ${answer.message ?? CAUSES[answer.cause].message}`,
        ...(answer.fix ? { fix: answer.fix } : {}),
        ...(answer.retryAfterMs ? { retryAfterMs: answer.retryAfterMs } : {}),
      }));
    }
    if (status === 404) return err(sourceError('relay_unreachable', { httpStatus: status, message: `${base} does not answer relay requests; check the Relay URL.` }));
    // Any other status (a redirect, a refusal of our request) is not how a PassiveWP relay of this protocol answers.
    return err(sourceError(status >= 500 ? 'relay_unreachable' : 'relay_invalid_answer', { httpStatus: status, message: `The relay answered ${status}: ${answer.message ?? 'no explanation'}.` }));
  }

  return {
    name: 'relay',
    credentialKey: `relay:${base}`,
    getItems: (request) => call('getItems', getItemsRequest, request),
    searchItems: (request) => call('searchItems', searchItemsRequest, request),
    getVariations: (request) => call('getVariations', getVariationsRequest, request),
    getBrowseNodes: (request) => call('getBrowseNodes', getBrowseNodesRequest, request),
  };
}
