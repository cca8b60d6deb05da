import { MARKETPLACES } from '../../../../src/domain/marketplaces/catalogue.js';
import { runOperation } from '../catalog/operations.js';
import { OPERATIONS, type Operation } from '../catalog/resources.js';
import { validateRequest } from '../catalog/validate-request.js';
import { header, parseJsonObject, type FakeRequest, type FakeResponse } from '../http.js';
import { resolveOverrides } from '../overrides.js';
import type { FakeAmazonState } from '../state.js';
import { authorizeBearer } from './authorize-bearer.js';
import {
  accessDenied, creatorsAnswer, fieldValidationError, internalError, NOT_ELIGIBLE_MESSAGE, notFound, throttle, unauthorized, validationError,
} from './creators-errors.js';

const BY_DOMAIN = new Map(MARKETPLACES.map((m) => [m.domain, m]));

/**
 * `POST /catalog/v1/<operation>` on creatorsapi.amazon. Checks run in the order a gateway would:
 * operation, token, marketplace header, region, rate limit, scenario faults, body, partner tag;
 * only then is the catalogue consulted.
 */
export function handleCreatorsRequest(request: FakeRequest, state: FakeAmazonState): FakeResponse {
  const scenario = state.scenario;
  const slow = (response: FakeResponse, latencyMs = scenario.latencyMs): FakeResponse => ({ ...response, latencyMs });

  const operation = /^\/catalog\/v1\/([A-Za-z]+)$/.exec(request.path)?.[1];
  if (request.method !== 'POST' || !operation || !(OPERATIONS as readonly string[]).includes(operation)) {
    return slow(validationError('UnknownOperation', `No operation ${request.method} ${request.path}.`));
  }

  const auth = authorizeBearer(header(request, 'authorization'), state);
  if (!auth.ok) return slow(unauthorized(auth.reason, auth.message));
  const credential = scenario.credentials.find((c) => c.id === auth.token.credentialId);
  if (!credential) return slow(unauthorized('InvalidToken', 'The access token belongs to a credential that no longer exists.'));

  const domain = header(request, 'x-marketplace');
  const marketplace = domain ? BY_DOMAIN.get(domain.trim().toLowerCase()) : undefined;
  if (!marketplace) {
    const problem = { name: 'x-marketplace', missing: !domain, message: domain ? `'${domain}' is not an Amazon marketplace.` : 'The x-marketplace header is required.' };
    const response = !domain || scenario.unknownMarketplaceReason === 'FieldValidationFailed' ? fieldValidationError([problem]) : validationError('Other', problem.message);
    return slow(response);
  }

  const body = parseJsonObject(request.rawBody);
  const partnerTag = typeof body?.partnerTag === 'string' ? body.partnerTag : undefined;
  const overrides = resolveOverrides(scenario, { surface: 'creators', credential: credential.id, marketplace: marketplace.code, ...(partnerTag ? { partnerTag } : {}) });
  const answer = (response: FakeResponse) => slow(response, overrides.latencyMs);

  const outOfRegion = !marketplace.creatorsVersions.includes(credential.version);
  if (overrides.faults.has('region_mismatch') || (outOfRegion && scenario.regionPolicy === 'strict')) {
    return answer(unauthorized('InvalidClient', `Credential version ${credential.version} cannot be used for ${marketplace.domain} (${marketplace.region} region).`));
  }

  if (overrides.faults.has('throttled')) {
    state.countThrottled(credential.id);
    return answer(throttle(scenario.throttleExceptionType, scenario.throttleRetryAfterSeconds, 'Rate exceeded.'));
  }
  const slot = state.takeRateSlot(credential.id, credential.rateLimit);
  if (!slot.allowed) {
    const message = slot.reason === 'daily' ? 'The daily request quota of this credential is used up.' : 'Rate exceeded.';
    return answer(throttle(scenario.throttleExceptionType, slot.retryAfterSeconds, message));
  }

  if (overrides.faults.has('server_error')) return answer(internalError());
  if (overrides.faults.has('not_eligible')) return answer(accessDenied('AssociateNotEligible', NOT_ELIGIBLE_MESSAGE));
  if (overrides.faults.has('invalid_associate')) {
    return answer(validationError('InvalidAssociate', 'The credential is not linked to an approved Associates store for this marketplace.'));
  }

  if (!body) return answer(validationError('CannotParse', 'The request body is not a JSON object.'));
  const validated = validateRequest(operation as Operation, body);
  if (!validated.ok) return answer(fieldValidationError(validated.problems));

  const tag = validated.request.partnerTag;
  const registered = credential.partnerTags[marketplace.code] ?? [];
  if (overrides.faults.has('invalid_partner_tag') || !registered.includes(tag)) {
    return answer(validationError('InvalidPartnerTag', `The partner tag '${tag}' is not a valid tracking ID of this account for ${marketplace.domain}.`));
  }

  const result = runOperation(operation as Operation, validated.request, { marketplace, inaccessible: new Set(scenario.inaccessibleAsins) });
  if (!result.found) return answer(notFound(result.message, result.resourceId, result.resourceType));
  return answer(creatorsAnswer(200, result.errors.length > 0 ? { ...result.payload, errors: result.errors } : result.payload));
}
