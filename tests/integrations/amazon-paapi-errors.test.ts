import { describe, expect, it } from 'vitest';
import type { HttpAnswer } from '../../src/integrations/amazon/send-request.js';
import { classifyPaapiError, PAAPI_RETIRED_AT } from '../../src/integrations/amazon-paapi/classify-paapi-error.js';

const BEFORE = Date.parse('2026-03-01T12:00:00Z');
const AFTER = Date.parse('2026-06-01T12:00:00Z');

function answer(status: number, json: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return { status, headers: new Headers(headers), text: JSON.stringify(json), json };
}

/** The request-level error shape PA-API sends with a 4xx. */
function paapiBody(exception: string, code: string, message = `${code} happened`) {
  return { __type: `com.amazon.paapi5#${exception}`, Errors: [{ Code: code, Message: message }] };
}

describe('classifyPaapiError', () => {
  it.each([
    [400, 'InvalidPartnerTagException', 'InvalidPartnerTag', 'partner_tag_invalid'],
    [403, 'AssociateValidationException', 'InvalidAssociate', 'associate_invalid'],
    [403, 'AssociateEligibilityException', 'AssociateNotEligible', 'not_eligible'],
    [401, 'UnrecognizedClientException', 'UnrecognizedClient', 'credentials_invalid'],
    [401, 'InvalidSignatureException', 'InvalidSignature', 'credentials_invalid'],
    [400, 'IncompleteSignatureException', 'IncompleteSignature', 'credentials_invalid'],
    [403, 'AccessDeniedException', 'AccessDenied', 'credentials_invalid'],
    [403, 'AccessDeniedException', 'AccessDeniedAwsUsers', 'credentials_invalid'],
    [401, 'RequestExpiredException', 'RequestExpired', 'clock_skew'],
    [429, 'TooManyRequestsException', 'TooManyRequests', 'throttled'],
    [400, 'ValidationException', 'InvalidParameterValue', 'request_invalid'],
    [400, 'ValidationException', 'MissingParameter', 'request_invalid'],
    [404, 'UnknownOperationException', 'UnknownOperation', 'request_invalid'],
    [500, 'InternalFailureException', 'InternalFailure', 'amazon_unavailable'],
    [400, 'SomethingNewException', 'SomethingNew', 'unexpected_response'],
  ])('%i %s / %s → %s', (status, exception, code, cause) => {
    const error = classifyPaapiError(answer(status, paapiBody(exception, code, 'Amazon says so.')), BEFORE);
    expect(error).toMatchObject({ cause, httpStatus: status, vendorCode: code, vendorMessage: 'Amazon says so.' });
  });

  it.each([
    [429, 'throttled'],
    [500, 'amazon_unavailable'],
    [502, 'amazon_unavailable'],
    [503, 'amazon_unavailable'],
    [400, 'unexpected_response'],
    [418, 'unexpected_response'],
  ])('falls back to the status when the body names nothing: %i → %s', (status, cause) => {
    expect(classifyPaapiError({ status, headers: new Headers(), text: '<html>oops</html>', json: undefined }, BEFORE).cause).toBe(cause);
  });

  it('reads the code from __type when there is no Errors list (AWS-style body)', () => {
    expect(classifyPaapiError(answer(401, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }), BEFORE)).toMatchObject({
      cause: 'credentials_invalid',
      vendorCode: 'UnrecognizedClientException',
      vendorMessage: 'The security token included in the request is invalid.',
    });
    expect(classifyPaapiError(answer(403, { __type: 'com.amazon.paapi5#AssociateValidationException' }), BEFORE).cause).toBe('associate_invalid');
  });

  it('honours Retry-After on 429, in seconds or as a date', () => {
    expect(classifyPaapiError(answer(429, paapiBody('TooManyRequestsException', 'TooManyRequests'), { 'retry-after': '2' }), BEFORE)).toMatchObject({ cause: 'throttled', retryable: true, retryAfterMs: 2000 });
    const at = new Date(BEFORE + 5000).toUTCString();
    expect(classifyPaapiError(answer(429, {}, { 'retry-after': at }), BEFORE).retryAfterMs).toBe(5000);
    expect(classifyPaapiError(answer(429, {}), BEFORE).retryAfterMs).toBeUndefined();
  });

  describe('the retired endpoint', () => {
    const retired = { __type: 'AccessDeniedException', message: 'Unable to determine service/operation name to be authorized' };

    it.each([BEFORE, AFTER])('reads the 403 "Unable to determine service/operation name" answer as retired, whatever the clock (%i)', (now) => {
      const error = classifyPaapiError(answer(403, retired), now);
      expect(error).toMatchObject({ cause: 'endpoint_retired', retryable: false, httpStatus: 403, vendorCode: 'AccessDeniedException' });
      expect(error.message).toContain('2026-05-15');
      expect(error.message).toContain('Creators');
    });

    it('keeps a plain 403 AccessDenied a credentials problem', () => {
      expect(classifyPaapiError(answer(403, { __type: 'AccessDeniedException', message: 'User is not authorized' }), AFTER).cause).toBe('credentials_invalid');
    });

    it('reports InvalidSignature as bad keys, and after 2026-05-15 says that retirement is the likely reason', () => {
      const body = paapiBody('InvalidSignatureException', 'InvalidSignature');
      const before = classifyPaapiError(answer(401, body), BEFORE);
      const after = classifyPaapiError(answer(401, body), AFTER);
      expect(before.cause).toBe('credentials_invalid');
      expect(before.message).not.toContain('retired');
      expect(after.cause).toBe('credentials_invalid');
      expect(after.message).toMatch(/retired PA-API 5\.0 on 2026-05-15/);
      expect(after.fix).toContain('Creators');
      expect(classifyPaapiError(answer(401, body), PAAPI_RETIRED_AT).message).toContain('retired');
    });

    it.each([
      [401, paapiBody('AccessDeniedException', 'AccessDenied', 'The Product Advertising API 5.0 has been retired. Use the Creators API.')],
      [403, paapiBody('AccessDeniedException', 'AccessDeniedAwsUsers', 'This API is no longer available.')],
      [401, { __type: 'AccessDeniedException', message: 'PA-API was decommissioned on 2026-05-15' }],
    ])('reads a %i refusal whose message says the API is gone as retired, whatever its code and the clock', (status, body) => {
      for (const now of [BEFORE, AFTER]) {
        expect(classifyPaapiError(answer(status, body), now)).toMatchObject({ cause: 'endpoint_retired', retryable: false, httpStatus: status });
      }
    });

    it('does not call a request about one retired resource a retired API', () => {
      const offersV1 = paapiBody('ValidationException', 'InvalidParameterValue', 'The Offers resources have been retired; request OffersV2 instead.');
      expect(classifyPaapiError(answer(400, offersV1), AFTER).cause).toBe('request_invalid');
    });
  });
});
