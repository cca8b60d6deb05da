import { err, ok, type Result } from '../../shared/result.js';
import { findMarketplace } from '../../domain/marketplaces/find-marketplace.js';
import type { Marketplace } from '../../domain/marketplaces/catalogue.js';
import type { ProductSource } from '../../domain/products/product-source.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { buildProductSource, type AmazonOperation, type CallAmazon } from '../amazon/build-product-source.js';
import type { RequestPacer } from '../amazon/request-pacer.js';
import { resolveAmazonUrl } from '../amazon/resolve-amazon-url.js';
import { DEFAULT_RETRY_POLICY, retryWithBackoff, type RetryPolicy } from '../amazon/retry-with-backoff.js';
import { sendRequest, type HttpAnswer } from '../amazon/send-request.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { classifyCreatorsError } from './classify-creators-error.js';
import { credentialKey, tokenKey, type CreatorsCredential } from './creators-credential.js';
import { requestToken } from './request-token.js';
import type { TokenCache } from './token-cache.js';
import { authorizationHeader, CREATORS_API_ORIGIN } from './token-endpoints.js';

export interface CreatorsClientOptions {
  credential: CreatorsCredential;
  tokens: TokenCache;
  http: OutboundHttp;
  pacer: RequestPacer;
  endpointOverride?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  now?: () => number;
}

/** The Creators API (OAuth2 + JSON), Amazon's current product-data API. */
export function createCreatorsClient(options: CreatorsClientOptions): ProductSource {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // Rate and quota belong to the credential; its token to the credential with this very secret.
  const key = credentialKey(options.credential);
  const tokenFor = tokenKey(options.credential);

  const fetchToken = () => requestToken(options.credential, { http: options.http, endpointOverride: options.endpointOverride, timeoutMs, now });

  /**
   * Token → pace → token → POST, once; a refused token is renewed and the call repeated one time.
   * The token is fetched before the wait, so that the slot's spacing is the spacing Amazon sees,
   * and read again after it: a call queued behind many others must not leave with a token that
   * expired or was replaced while it waited (normally a cache hit).
   */
  async function callOnce(operation: AmazonOperation, marketplace: Marketplace, body: object, renewed = false): Promise<Result<HttpAnswer, SourceError>> {
    const warm = await options.tokens.get(tokenFor, fetchToken);
    if (!warm.ok) return warm;
    const slot = await options.pacer.acquire(key);
    if (!slot.ok) return slot;
    const token = await options.tokens.get(tokenFor, fetchToken);
    if (!token.ok) return token;
    const sent = await sendRequest({
      http: options.http,
      url: resolveAmazonUrl(`${CREATORS_API_ORIGIN}/catalog/v1/${operation}`, options.endpointOverride),
      headers: {
        authorization: authorizationHeader(token.value.value, options.credential.version),
        'x-marketplace': marketplace.domain,
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
      },
      body: JSON.stringify({ ...body, marketplace: marketplace.domain }),
      timeoutMs,
    });
    if (!sent.ok) return sent;
    const answer = sent.value;
    if (answer.status === 200 || answer.status === 404) return ok(answer);
    const failure = classifyCreatorsError(answer, options.credential, marketplace);
    if (answer.status === 401 && !renewed && failure.cause === 'credentials_invalid') {
      options.tokens.invalidate(tokenFor, token.value.value);
      return callOnce(operation, marketplace, body, true);
    }
    if (failure.cause === 'throttled') options.pacer.holdOff(key, failure.retryAfterMs ?? 1000);
    return err(failure);
  }

  const call: CallAmazon = async (operation, marketplaceCode, body, read) => {
    const marketplace = findMarketplace(marketplaceCode) as Marketplace;
    const answer = await retryWithBackoff(() => callOnce(operation, marketplace, body), options.retry ?? DEFAULT_RETRY_POLICY);
    if (!answer.ok) return answer;
    const fetchedAt = new Date(now()).toISOString();
    if (answer.value.status === 404) return ok(read({}, fetchedAt));
    if (typeof answer.value.json !== 'object' || answer.value.json === null) {
      return err(sourceError('unexpected_response', { httpStatus: 200, message: 'Amazon answered with a body that is not JSON.' }));
    }
    return ok(read(answer.value.json as Record<string, unknown>, fetchedAt));
  };

  return buildProductSource('creators', key, call);
}
