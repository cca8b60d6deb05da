import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { runOperation } from '../catalog/operations.js';
import type { Operation } from '../catalog/resources.js';
import { header, parseJsonObject, type FakeRequest, type FakeResponse } from '../http.js';
import { resolveOverrides } from '../overrides.js';
import type { FakeAmazonState } from '../state.js';
import { readPaapiBody } from './paapi-body.js';
import {
  incompleteSignature, internalFailure, invalidAssociate, invalidPartnerTag, invalidSignature, notEligible, paapiAnswer, paapiError,
  requestExpired, retired, tooManyRequests, unknownOperation, unrecognizedClient,
} from './paapi-errors.js';
import { pascalize } from './pascalize.js';
import { expectedSignature, parseAmzDate, parseAuthorization, signaturesMatch, type SigV4Authorization } from './verify-sigv4.js';

const TARGET_PREFIX = 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.';

const OPERATIONS_BY_PATH: Readonly<Record<string, { operation: Operation; target: string }>> = {
  '/paapi5/getitems': { operation: 'getItems', target: 'GetItems' },
  '/paapi5/searchitems': { operation: 'searchItems', target: 'SearchItems' },
  '/paapi5/getvariations': { operation: 'getVariations', target: 'GetVariations' },
  '/paapi5/getbrowsenodes': { operation: 'getBrowseNodes', target: 'GetBrowseNodes' },
};

/**
 * `POST /paapi5/<operation>` on a marketplace's webservices host. Authentication comes first, as
 * at AWS's front door: retirement, signature syntax, access key, clock skew, credential scope,
 * signature; then operation, rate limit, scenario faults, body, partner tag.
 *
 * A scope region that is not the host's region is answered 401 InvalidSignature: Amazon derives
 * the signing key from its own region, so such a request cannot verify (reference §2.1).
 */
export function handlePaapiRequest(request: FakeRequest, marketplace: Marketplace, state: FakeAmazonState): FakeResponse {
  const scenario = state.scenario;
  const slow = (response: FakeResponse, latencyMs = scenario.latencyMs): FakeResponse => ({ ...response, latencyMs });
  if (scenario.paapiRetired) return slow(retired(scenario.paapiRetired));

  const parsed = parseAuthorization(header(request, 'authorization'));
  if (!parsed.ok) return slow(incompleteSignature(parsed.message));
  const auth = parsed.value;
  const key = scenario.paapiKeys.find((k) => k.accessKey === auth.accessKey);
  const body = parseJsonObject(request.rawBody);
  const partnerTag = typeof body?.PartnerTag === 'string' ? body.PartnerTag : undefined;
  const overrides = resolveOverrides(scenario, { surface: 'paapi', credential: auth.accessKey, marketplace: marketplace.code, ...(partnerTag ? { partnerTag } : {}) });
  const answer = (response: FakeResponse) => slow(response, overrides.latencyMs);

  if (overrides.faults.has('paapi_retired')) return answer(retired('access_denied'));
  if (!key || overrides.faults.has('invalid_client')) return answer(unrecognizedClient());

  const authFailure = checkSignature(request, marketplace, state, auth, key.secretKey, overrides.faults.has('region_mismatch'));
  if (authFailure) return answer(authFailure);

  const route = OPERATIONS_BY_PATH[request.path.toLowerCase()];
  if (!route || request.method !== 'POST' || header(request, 'x-amz-target') !== TARGET_PREFIX + route.target) return answer(unknownOperation());
  if (scenario.paapiRequireContentEncoding && header(request, 'content-encoding') !== 'amz-1.0') {
    return answer(paapiError(400, 'ValidationException', 'InvalidParameterValue', 'The Content-Encoding header must be amz-1.0.'));
  }

  if (overrides.faults.has('throttled')) {
    state.countThrottled(key.accessKey);
    return answer(tooManyRequests(scenario.throttleRetryAfterSeconds));
  }
  const slot = state.takeRateSlot(key.accessKey, key.rateLimit);
  if (!slot.allowed) return answer(tooManyRequests(slot.retryAfterSeconds));

  if (overrides.faults.has('server_error')) return answer(internalFailure());
  if (overrides.faults.has('not_eligible')) return answer(notEligible());
  if (overrides.faults.has('invalid_associate')) return answer(invalidAssociate());

  if (!body) return answer(paapiError(400, 'ValidationException', 'InvalidParameterValue', 'The request body is not a JSON object.'));
  const checked = readPaapiBody(route.operation, body, marketplace);
  if (!checked.ok) {
    const errors = checked.problems.map((p) => ({ Code: p.missing ? 'MissingParameter' : 'InvalidParameterValue', Message: `${p.name}: ${p.message}` }));
    return answer(paapiAnswer(400, { __type: 'com.amazon.paapi5#ValidationException', Errors: errors }));
  }

  const tag = checked.request.partnerTag;
  if (overrides.faults.has('invalid_partner_tag') || !(key.partnerTags[marketplace.code] ?? []).includes(tag)) {
    return answer(invalidPartnerTag(tag, marketplace.paapiHost));
  }

  const result = runOperation(route.operation, checked.request, { marketplace, inaccessible: new Set(scenario.inaccessibleAsins) });
  const errors = result.errors.map((e) => ({ __type: 'com.amazon.paapi5#ErrorData', Code: e.code, Message: e.message }));
  if (result.found) return answer(paapiAnswer(200, { ...(pascalize(result.payload) as object), ...(errors.length > 0 ? { Errors: errors } : {}) }));
  const nothing = errors.length > 0 ? errors : [{ __type: 'com.amazon.paapi5#ErrorData', Code: 'NoResults', Message: result.message }];
  if (scenario.paapiNothingFoundStatus === 404) return answer(paapiAnswer(404, { __type: 'com.amazon.paapi5#ResourceNotFoundException', Errors: nothing }));
  return answer(paapiAnswer(200, { Errors: nothing }));
}

function checkSignature(
  request: FakeRequest,
  marketplace: Marketplace,
  state: FakeAmazonState,
  auth: SigV4Authorization,
  secretKey: string,
  forceRegionMismatch: boolean,
): FakeResponse | undefined {
  const scenario = state.scenario;
  if (!auth.signedHeaders.includes('host')) return incompleteSignature("'host' must be one of the SignedHeaders.");
  const amzDate = header(request, 'x-amz-date');
  if (!amzDate || !auth.signedHeaders.includes('x-amz-date')) return incompleteSignature('The request needs a signed x-amz-date header.');
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return incompleteSignature(`x-amz-date '${amzDate}' is not in the form yyyyMMddTHHmmssZ.`);
  const now = state.now();
  if (Math.abs(now - signedAt) > scenario.paapiMaxClockSkewMs) {
    return requestExpired(`The request is dated ${amzDate}, more than ${Math.round(scenario.paapiMaxClockSkewMs / 60000)} minutes from the server time ${toAmzDate(now)}.`);
  }
  if (auth.date !== amzDate.slice(0, 8)) return invalidSignature(`The credential scope date ${auth.date} does not match x-amz-date ${amzDate}.`);
  if (auth.terminator !== 'aws4_request') return invalidSignature('The credential scope must end with aws4_request.');
  if (!scenario.paapiServiceNames.includes(auth.service)) return invalidSignature(`The credential scope names service '${auth.service}', expected '${scenario.paapiServiceNames[0] ?? ''}'.`);
  if (forceRegionMismatch || auth.region !== marketplace.paapiRegion) {
    return invalidSignature(`The credential is scoped to region '${auth.region}'; ${marketplace.paapiHost} verifies with '${marketplace.paapiRegion}'.`);
  }
  const expected = expectedSignature({ ...request, amzDate, authorization: auth }, secretKey);
  if (!signaturesMatch(expected, auth.signature)) return invalidSignature('The signature does not match the one computed for this request; check the secret key and the signing steps.');
  return undefined;
}

function toAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
