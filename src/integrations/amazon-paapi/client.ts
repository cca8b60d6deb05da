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
import { camelizePaapi } from './camelize-paapi.js';
import { classifyPaapiError } from './classify-paapi-error.js';
import { paapiCredentialKey, type PaapiCredential } from './paapi-credential.js';
import type { PaapiOperation } from './paapi-operations.js';
import { signRequest } from './sign-request.js';
import { toPaapiRequest } from './to-paapi-request.js';

export interface PaapiClientOptions {
  credential: PaapiCredential;
  pacer: RequestPacer;
  http: OutboundHttp;
  endpointOverride?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  now?: () => number;
}

/** PA-API 5.0 (SigV4 + PascalCase JSON): Amazon's legacy product-data API, retired on 2026-05-15. */
export function createPaapiClient(options: PaapiClientOptions): ProductSource {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const key = paapiCredentialKey(options.credential);

  /** Pace → sign → POST, once. Signing happens after the wait so the signature's date is fresh. */
  async function callOnce(operation: PaapiOperation, marketplace: Marketplace, body: string): Promise<Result<HttpAnswer, SourceError>> {
    const slot = await options.pacer.acquire(key);
    if (!slot.ok) return slot;
    const signed = await signRequest({ credential: options.credential, marketplace, operation, body, signingDate: new Date(now()) });
    // fetch sets `host` from the URL it really connects to; a fake behind the endpoint override
    // recovers the signed host from the first path segment.
    const { host: _host, ...headers } = signed.headers;
    const sent = await sendRequest({ http: options.http, url: resolveAmazonUrl(signed.url, options.endpointOverride), headers: { ...headers, accept: 'application/json' }, body, timeoutMs });
    if (!sent.ok) return sent;
    const answer = sent.value;
    if (answer.status === 200 || isNothingFound(answer)) return ok(answer);
    const failure = classifyPaapiError(answer, now());
    if (failure.cause === 'throttled') options.pacer.holdOff(key, failure.retryAfterMs ?? 1000);
    return err(failure);
  }

  const call: CallAmazon = async (operation, marketplaceCode, request, read) => {
    const marketplace = findMarketplace(marketplaceCode) as Marketplace;
    const body = JSON.stringify(toPaapiRequest(request, marketplace));
    const answer = await retryWithBackoff(() => callOnce(PAAPI_OPERATIONS[operation], marketplace, body), options.retry ?? DEFAULT_RETRY_POLICY);
    if (!answer.ok) return answer;
    const fetchedAt = new Date(now()).toISOString();
    if (answer.value.status === 404) return ok(read({}, fetchedAt));
    const json = camelizePaapi(answer.value.json);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return err(sourceError('unexpected_response', { httpStatus: 200, message: 'Amazon answered with a body that is not JSON.' }));
    }
    return ok(read(json as Record<string, unknown>, fetchedAt));
  };

  return buildProductSource('paapi', key, call);
}

const PAAPI_OPERATIONS: Record<AmazonOperation, PaapiOperation> = {
  getItems: 'GetItems',
  searchItems: 'SearchItems',
  getVariations: 'GetVariations',
  getBrowseNodes: 'GetBrowseNodes',
};

/**
 * PA-API reports "nothing found" as a 200 with only `NoResults` errors; some deployments (and the
 * Creators API) use a 404 for it instead. Only a 404 that says so is read as an empty result: any
 * other 404 (UnknownOperation, a wrong endpoint override) stays an error.
 */
function isNothingFound(answer: HttpAnswer): boolean {
  if (answer.status !== 404 || typeof answer.json !== 'object' || answer.json === null) return false;
  const body = answer.json as { __type?: unknown; Errors?: unknown };
  const codes = Array.isArray(body.Errors) ? body.Errors.map((e: { Code?: unknown } | null) => e?.Code) : [];
  return codes.includes('NoResults') || (typeof body.__type === 'string' && body.__type.endsWith('ResourceNotFoundException'));
}
