import { randomUUID } from 'node:crypto';
import { json, type FakeResponse } from '../http.js';

/** PA-API error bodies (reference §2.1–2.2): `{__type: "com.amazon.paapi5#<Exception>", Errors: [{Code, Message}]}`. */

export function paapiAnswer(status: number, body: unknown, extraHeaders: Record<string, string> = {}): FakeResponse {
  return json(status, body, { 'x-amzn-requestid': randomUUID(), ...extraHeaders });
}

export function paapiError(status: number, exception: string, code: string, message: string, extraHeaders?: Record<string, string>): FakeResponse {
  return paapiAnswer(status, { __type: `com.amazon.paapi5#${exception}`, Errors: [{ Code: code, Message: message }] }, extraHeaders);
}

export const incompleteSignature = (message: string) => paapiError(400, 'IncompleteSignatureException', 'IncompleteSignature', message);
export const invalidSignature = (message: string) => paapiError(401, 'InvalidSignatureException', 'InvalidSignature', message);
export const unrecognizedClient = () => paapiError(401, 'UnrecognizedClientException', 'UnrecognizedClient', 'The access key in the request is not a known PA-API key.');
export const requestExpired = (message: string) => paapiError(401, 'RequestExpiredException', 'RequestExpired', message);
export const unknownOperation = () => paapiError(404, 'UnknownOperationException', 'UnknownOperation', 'The operation named by the path and x-amz-target is not supported.');
export const invalidPartnerTag = (tag: string, host: string) =>
  paapiError(400, 'InvalidPartnerTagException', 'InvalidPartnerTag', `The partner tag ${tag} is not mapped to a store of this access key on ${host}.`);
export const invalidAssociate = () =>
  paapiError(403, 'AssociateValidationException', 'InvalidAssociate', 'This access key is not mapped to the primary account of an approved Associates store.');
export const notEligible = () =>
  paapiError(403, 'AccessDeniedException', 'AssociateNotEligible', 'Your account does not currently meet the eligibility requirements to access the Product Advertising API.');
export const internalFailure = () => paapiError(500, 'InternalFailure', 'InternalFailure', 'The request failed because of an internal error. Try again later.');

export const THROTTLE_MESSAGE =
  'The request was denied due to request throttling. Please verify the number of requests made per second to the Amazon Product Advertising API.';

export const tooManyRequests = (retryAfterSeconds: number) =>
  paapiError(429, 'TooManyRequestsException', 'TooManyRequests', THROTTLE_MESSAGE, { 'retry-after': String(retryAfterSeconds) });

/** What Amazon's front door has said to every PA-API call since the 2026-05-15 retirement. */
export function retired(mode: 'access_denied' | 'invalid_signature' | 'retired_message'): FakeResponse {
  if (mode === 'invalid_signature') return invalidSignature('The request signature could not be verified.');
  if (mode === 'retired_message') {
    return paapiError(401, 'AccessDeniedException', 'AccessDenied', 'The Product Advertising API 5.0 has been retired. Use the Creators API to access product data.');
  }
  return paapiAnswer(403, { __type: 'AccessDeniedException', message: 'Unable to determine service/operation name to be authorized' });
}
